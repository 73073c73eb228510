package org.factdesk.tipline.web;

import org.factdesk.tipline.LaterAnswer;
import org.factdesk.tipline.TiplineConnector;
import org.factdesk.tipline.TiplineService;
import org.springframework.stereotype.Component;

/**
 * The web form as a channel: it answers on the result page and keeps no address to answer later (a contact left on
 * the form is for the desk to write to by hand, not for automatic messages).
 */
@Component
class WebFormConnector implements TiplineConnector {

    @Override
    public String channel() {
        return TiplineService.WEB;
    }

    @Override
    public void deliver(String sender, LaterAnswer answer) {
        throw new UnsupportedOperationException("The web form keeps no address to answer later");
    }
}
