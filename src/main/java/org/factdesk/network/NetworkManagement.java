package org.factdesk.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.factdesk.network.NetworkExceptions.AlreadySetUp;
import org.factdesk.network.NetworkExceptions.BadCredentials;
import org.factdesk.network.NetworkExceptions.EmailTaken;
import org.factdesk.network.NetworkExceptions.TooManyAttempts;
import org.factdesk.network.NetworkExceptions.UnitNameTaken;
import org.factdesk.network.internal.Accounts;
import org.factdesk.network.internal.ApiTokens;
import org.factdesk.network.internal.LoginThrottle;
import org.factdesk.network.internal.Units;
import org.factdesk.shared.Forbidden;
import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.Language;
import org.factdesk.shared.NotFound;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network module's API: units, accounts, roles and API tokens. Every change is made on behalf of a
 * {@link CurrentUser} and checked against their roles here, not in the controllers.
 */
@Service
@Transactional
public class NetworkManagement {

    static final String TOKEN_PREFIX = "fd_";
    private static final int MIN_PASSWORD_LENGTH = 10;

    private final Units units;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    NetworkManagement(
            Units units,
            Accounts accounts,
            ApiTokens tokens,
            LoginThrottle throttle,
            PasswordEncoder passwords,
            Clock clock) {
        this.units = units;
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.passwords = passwords;
        this.clock = clock;
    }

    // --- set-up ---

    @Transactional(readOnly = true)
    public boolean hasUsers() {
        return accounts.count() > 0;
    }

    /** Creates the first unit and its administrator; refused once any user exists. */
    public UserAccount createFirstAdministrator(
            String email, String displayName, String password, Language language, String unitName) {
        if (hasUsers()) {
            throw new AlreadySetUp();
        }
        Unit unit = insertUnit(new NewUnit(unitName, UnitKind.PROVINCIAL_DESK));
        return insertUser(new NewUser(email, displayName, password, language, unit.id(), Role.ADMIN));
    }

    // --- units ---

    /** Any administrator may add a unit to the network; they become its first administrator. */
    public Unit createUnit(CurrentUser actor, NewUnit unit) {
        if (!actor.isAdministrator()) {
            throw new Forbidden("network.error.admin-only");
        }
        Unit created = insertUnit(unit);
        accounts.grant(actor.id(), created.id(), Role.ADMIN);
        return created;
    }

    @Transactional(readOnly = true)
    public List<Unit> units() {
        return units.all();
    }

    /** Every unit's name by its id, for pages that list things of several units. */
    @Transactional(readOnly = true)
    public Map<UnitId, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(Unit::id, Unit::name));
    }

    @Transactional(readOnly = true)
    public Unit unit(UnitId id) {
        return units.find(id).orElseThrow(() -> new NotFound("network.error.unit-not-found", id));
    }

    @Transactional(readOnly = true)
    public Optional<Unit> findUnit(UnitId id) {
        return units.find(id);
    }

    // --- accounts ---

    /** Creates an account in a unit that the actor administers. */
    public UserAccount createUser(CurrentUser actor, NewUser user) {
        requireAdmin(actor, user.unit());
        unit(user.unit());
        return insertUser(user);
    }

    /** Gives a user a role in a unit that the actor administers, replacing any role they had there. */
    public UserAccount grant(CurrentUser actor, UserId user, UnitId unit, Role role) {
        requireAdmin(actor, unit);
        unit(unit);
        user(user);
        accounts.grant(user, unit, role);
        return user(user);
    }

    /** Removes a user from a unit that the actor administers; an administrator cannot remove their own role. */
    public UserAccount revoke(CurrentUser actor, UserId user, UnitId unit) {
        requireAdmin(actor, unit);
        if (actor.id().equals(user)) {
            throw new InvalidInput("network.error.cannot-revoke-self");
        }
        accounts.revoke(user, unit);
        return user(user);
    }

    @Transactional(readOnly = true)
    public UserAccount user(UserId id) {
        return accounts.find(id).orElseThrow(() -> new NotFound("network.error.user-not-found", id));
    }

    @Transactional(readOnly = true)
    public List<UserAccount> users() {
        return accounts.all();
    }

    /** Members of a unit holding at least {@code role} (for example, the checkers a case can be assigned to). */
    @Transactional(readOnly = true)
    public List<UserAccount> members(UnitId unit, Role role) {
        return accounts.all().stream()
                .filter(account -> {
                    Role held = account.roles().get(unit);
                    return held != null && held.includes(role) && account.enabled();
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public Map<UserId, String> displayNames(Collection<UserId> ids) {
        return accounts.displayNames(ids);
    }

    public void changeLanguage(UserId user, Language language) {
        accounts.setLanguage(user, language);
    }

    /** The signed-in form of an account, with its current roles. */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> signedIn(UserId id) {
        return accounts.find(id).filter(UserAccount::enabled).map(CurrentUser::of);
    }

    // --- sign-in and API tokens ---

    /**
     * Checks an e-mail and password, with the same throttling as the sign-in form.
     *
     * @throws BadCredentials when they do not match an enabled account
     * @throws TooManyAttempts after too many failures for the account or from the address
     */
    @Transactional(readOnly = true)
    public CurrentUser authenticate(String email, String password, String address) {
        if (throttle.blocked(email, address)) {
            throw new TooManyAttempts();
        }
        Optional<Accounts.StoredAccount> stored = accounts.findByEmail(email);
        if (stored.isEmpty()
                || !stored.get().account().enabled()
                || !passwords.matches(password, stored.get().passwordHash())) {
            throttle.failed(email, address);
            throw new BadCredentials();
        }
        throttle.succeeded(email);
        return CurrentUser.of(stored.get().account());
    }

    public IssuedToken issueToken(CurrentUser owner, String name) {
        String cleanName = name.isBlank() ? "API" : name.strip();
        if (cleanName.length() > 100) {
            throw new InvalidInput("network.error.token-name-too-long");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token =
                new ApiToken(UUID.randomUUID(), cleanName, secret.substring(0, 8), clock.instant(), null, null);
        tokens.insert(owner.id(), token, hash(secret));
        return new IssuedToken(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokens(CurrentUser owner) {
        return tokens.of(owner.id());
    }

    public void revokeToken(CurrentUser owner, UUID tokenId) {
        if (!tokens.revoke(owner.id(), tokenId, clock.instant())) {
            throw new NotFound("network.error.token-not-found", tokenId);
        }
    }

    /** The user behind an active API token, if any. */
    public Optional<CurrentUser> authenticateToken(String secret) {
        if (!secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Optional<CurrentUser> user = tokens.activeOwner(hash).flatMap(this::signedIn);
        user.ifPresent(found -> tokens.touch(hash, clock.instant()));
        return user;
    }

    // --- helpers ---

    private Unit insertUnit(NewUnit unit) {
        String name = unit.name().strip();
        if (units.nameTaken(name)) {
            throw new UnitNameTaken(name);
        }
        Unit created = new Unit(UnitId.random(), name, unit.kind(), clock.instant());
        units.insert(created);
        return created;
    }

    private UserAccount insertUser(NewUser user) {
        if (user.password().length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("validation.password.length");
        }
        if (accounts.emailTaken(user.email())) {
            throw new EmailTaken(user.email());
        }
        UserId id = UserId.random();
        accounts.insert(
                id,
                user.email(),
                user.displayName().strip(),
                passwords.encode(user.password()),
                user.language(),
                clock.instant());
        accounts.grant(id, user.unit(), user.role());
        return user(id);
    }

    private static void requireAdmin(CurrentUser actor, UnitId unit) {
        if (!actor.hasRole(unit, Role.ADMIN)) {
            throw new Forbidden("network.error.admin-only");
        }
    }

    private static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
