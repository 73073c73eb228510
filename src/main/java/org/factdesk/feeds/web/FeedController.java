package org.factdesk.feeds.web;

import org.factdesk.feeds.EditFeed;
import org.factdesk.feeds.Feed;
import org.factdesk.feeds.FeedId;
import org.factdesk.feeds.FeedListing;
import org.factdesk.feeds.FeedManagement;
import org.factdesk.feeds.FeedsProperties;
import org.factdesk.feeds.SubscribeFeed;
import org.factdesk.network.CurrentUser;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The feed list of the user's units, with the state of each feed (a failing one shows its last error in the reader's
 * language and its next try), the subscribe form for unit administrators, and pause, resume, poll now and delete.
 * Under {@code /monitoring/feeds}: {@code /feeds/**} is the public site's own feeds (publishing).
 */
@Controller
class FeedController {

    static final String VIEW = "feeds/list";
    static final String FEED_VIEW = "feeds/feed";
    static final int ENTRIES_SHOWN = 100;

    private final FeedManagement feeds;
    private final FeedsProperties properties;

    FeedController(FeedManagement feeds, FeedsProperties properties) {
        this.feeds = feeds;
        this.properties = properties;
    }

    @GetMapping("/monitoring/feeds")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute(
                "form", FeedForm.empty((int) properties.defaultInterval().toMinutes()));
        return view(user, model);
    }

    /** A feed's page: its state and the entries it gave, newest first, with the items they became. */
    @GetMapping("/monitoring/feeds/{id}")
    String feed(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id, Model model) {
        FeedListing listing = feeds.listing(user, id);
        Feed feed = listing.feed();
        model.addAttribute("editForm", new FeedForm(null, null, feed.title(), (int)
                feed.pollInterval().toMinutes()));
        return feedPage(user, listing, model);
    }

    /** Renames the feed or changes its interval; a refusal shows the page again with the form as sent. */
    @PostMapping("/monitoring/feeds/{id}/edit")
    String edit(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable FeedId id,
            @ModelAttribute("editForm") FeedForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            explainUnreadable(errors);
        } else {
            try {
                feeds.edit(user, id, new EditFeed(form.title() == null ? "" : form.title(), form.pollMinutes()));
                flash.addFlashAttribute("success", "feeds.edited");
                return "redirect:/monitoring/feeds/" + id;
            } catch (InvalidInput refused) {
                reject(errors, refused);
            }
        }
        return feedPage(user, feeds.listing(user, id), model);
    }

    /** A value the form could not bind (minutes that are no number) reads as the rule it breaks. */
    private void explainUnreadable(BindingResult errors) {
        if (errors.hasFieldErrors("pollMinutes")) {
            reject(errors, feeds.intervalRule());
        }
    }

    private static void reject(BindingResult errors, DomainException refused) {
        errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
    }

    private String feedPage(CurrentUser user, FeedListing listing, Model model) {
        FeedId id = listing.feed().id();
        model.addAttribute("listing", listing);
        model.addAttribute("entries", feeds.entries(user, id, ENTRIES_SHOWN));
        model.addAttribute("manageable", feeds.canManage(user, listing.feed()));
        model.addAttribute("minMinutes", properties.minInterval().toMinutes());
        model.addAttribute("maxMinutes", properties.maxInterval().toMinutes());
        return FEED_VIEW;
    }

    @PostMapping("/monitoring/feeds")
    String subscribe(
            @AuthenticationPrincipal CurrentUser user,
            @ModelAttribute("form") FeedForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            explainUnreadable(errors);
            return view(user, model);
        }
        try {
            feeds.subscribe(
                    user,
                    new SubscribeFeed(
                            form.unit(), form.url() == null ? "" : form.url(), form.title(), form.pollMinutes()));
        } catch (DomainException refused) {
            reject(errors, refused);
            return view(user, model);
        }
        flash.addFlashAttribute("success", "feeds.subscribed");
        return "redirect:/monitoring/feeds";
    }

    @PostMapping("/monitoring/feeds/{id}/pause")
    String pause(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id, RedirectAttributes flash) {
        return act(flash, "feeds.paused", () -> feeds.pause(user, id));
    }

    @PostMapping("/monitoring/feeds/{id}/resume")
    String resume(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id, RedirectAttributes flash) {
        return act(flash, "feeds.resumed", () -> feeds.resume(user, id));
    }

    @PostMapping("/monitoring/feeds/{id}/poll")
    String poll(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id, RedirectAttributes flash) {
        return act(flash, "feeds.poll-requested", () -> feeds.pollNow(user, id));
    }

    @PostMapping("/monitoring/feeds/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id, RedirectAttributes flash) {
        return act(flash, "feeds.deleted", () -> feeds.delete(user, id));
    }

    private static String act(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("success", done);
        } catch (DomainException refused) {
            flash.addFlashAttribute("failure", refused.messageKey());
        }
        return "redirect:/monitoring/feeds";
    }

    private String view(CurrentUser user, Model model) {
        java.util.List<FeedListing> listings = feeds.feeds(user);
        model.addAttribute("feeds", listings);
        model.addAttribute("units", feeds.unitsForManagement(user));
        model.addAttribute(
                "manageable",
                listings.stream()
                        .filter(listing -> feeds.canManage(user, listing.feed()))
                        .map(listing -> listing.feed().id())
                        .toList());
        model.addAttribute(
                "pollable",
                listings.stream()
                        .filter(listing -> feeds.canPoll(user, listing.feed()))
                        .map(listing -> listing.feed().id())
                        .toList());
        model.addAttribute("maxEntries", properties.maxEntriesPerPoll());
        model.addAttribute("minMinutes", properties.minInterval().toMinutes());
        model.addAttribute("maxMinutes", properties.maxInterval().toMinutes());
        return VIEW;
    }
}
