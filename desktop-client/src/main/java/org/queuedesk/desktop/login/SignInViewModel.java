package org.queuedesk.desktop.login;

import java.io.IOException;
import java.net.URI;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.queuedesk.common.auth.AuthConfigDto;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.desktop.api.ApiException;
import org.queuedesk.desktop.api.CognitoSignIn;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.ServerRelease;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.live.ConnectionViewModel;
import org.queuedesk.desktop.ground.ServerAddress;

/**
 * The sign-in screen: server address (remembered), user name and password. Asks the server how to sign
 * in: with the built-in provider at the server, with Amazon Cognito at the user pool (including the
 * new password a first sign-in asks for). A server without sign-in (404 on {@code /api/auth/config}) is used
 * without a token. Each error is put on the field it is about. Never sees a control.
 */
public final class SignInViewModel {

    private static final Logger LOG = Logger.getLogger(SignInViewModel.class.getName());

    private final BackgroundExecutor background;
    private final ConnectionViewModel connection;
    private final AddressMemory memory;
    private final Function<URI, QueueDeskClient> clients;
    private final Consumer<SignInResult> onSignedIn;
    private final ResourceBundle messages;

    private final StringProperty serverAddress = new SimpleStringProperty(this, "serverAddress", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper serverError = new ReadOnlyStringWrapper(this, "serverError", "");
    private final ReadOnlyStringWrapper usernameError = new ReadOnlyStringWrapper(this, "usernameError", "");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError", "");
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final ReadOnlyBooleanWrapper newPasswordRequired = new ReadOnlyBooleanWrapper(this, "newPasswordRequired", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final Function<AuthConfigDto, CognitoSignIn> cognitoClients;
    /** A Cognito first sign-in waiting for its new password; touched on the FX thread only. */
    private CognitoSignIn.NewPasswordRequired pendingChallenge;
    private final BooleanBinding canSignIn;

    public SignInViewModel(BackgroundExecutor background, ConnectionViewModel connection, AddressMemory memory,
                           Function<URI, QueueDeskClient> clients, Consumer<SignInResult> onSignedIn,
                           ResourceBundle messages, String defaultAddress) {
        // a lambda, not CognitoSignIn::new: a method reference loads the class (and AWS SDK types) at start-up
        this(background, connection, memory, clients, config -> new CognitoSignIn(config), onSignedIn, messages,
                defaultAddress);
    }

    public SignInViewModel(BackgroundExecutor background, ConnectionViewModel connection, AddressMemory memory,
                           Function<URI, QueueDeskClient> clients, Function<AuthConfigDto, CognitoSignIn> cognitoClients,
                           Consumer<SignInResult> onSignedIn, ResourceBundle messages, String defaultAddress) {
        this.cognitoClients = cognitoClients;
        this.background = background;
        this.connection = connection;
        this.memory = memory;
        this.clients = clients;
        this.onSignedIn = onSignedIn;
        this.messages = messages;
        serverAddress.set(memory.lastAddress().orElse(defaultAddress));
        canSignIn = Bindings.createBooleanBinding(() -> !busy.get(), busy);
        serverAddress.addListener((o, before, now) -> serverError.set(""));
        username.addListener((o, before, now) -> usernameError.set(""));
        password.addListener((o, before, now) -> passwordError.set(""));
    }

    /** Starts watching the remembered address, so the status bar says whether it answers before signing in. */
    public void checkServer() {
        ServerAddress.parse(serverAddress.get()).ifPresent(connection::connect);
    }

    /** Whether the server needs credentials is only known once it answers; the answer decides. */
    public void signIn() {
        if (busy.get()) {
            return;
        }
        serverError.set("");
        usernameError.set("");
        passwordError.set("");
        Optional<ServerAddress.Problem> problem = ServerAddress.problem(serverAddress.get());
        if (problem.isPresent()) {
            serverError.set(messages.getString(problem.get().messageKey()));
            return;
        }
        URI address = ServerAddress.parse(serverAddress.get()).orElseThrow();
        connection.connect(address);
        QueueDeskClient client = clients.apply(address);
        String user = username.get() == null ? "" : username.get().strip();
        String secret = password.get() == null ? "" : password.get();
        String chosen = newPassword.get() == null ? "" : newPassword.get();
        var challenge = pendingChallenge;
        if (challenge != null && chosen.isEmpty()) {
            passwordError.set(messages.getString("signin.error.newPassword"));
            return;
        }
        busy.set(true);
        background.run(() -> attempt(client, user, secret, challenge, chosen),
                result -> succeeded(address, result),
                error -> failed(address, error));
    }

    private SignInResult attempt(QueueDeskClient client, String user, String secret,
                                 CognitoSignIn.NewPasswordRequired challenge, String chosen) throws Exception {
        Optional<AuthConfigDto> config = client.authConfig();
        if (config.isEmpty()) {
            return new SignInResult(client, SignedInUser.withoutSignIn());
        }
        ServerRelease.check(config.get().serverVersion()); // before anything of the other release is read
        String provider = config.get().provider();
        boolean cognito = AuthConfigDto.COGNITO.equals(provider);
        if (!AuthConfigDto.BUILTIN.equals(provider) && !cognito) {
            throw new UnsupportedProvider(provider);
        }
        if (user.isEmpty()) {
            throw new MissingField("username");
        }
        if (secret.isEmpty() && challenge == null) {
            throw new MissingField("password");
        }
        if (cognito) {
            return signInWithCognito(client, config.get(), user, secret, challenge, chosen);
        }
        TokenResponse tokens = client.login(user, secret);
        return new SignInResult(client, SignedInUser.of(tokens.username() == null ? user : tokens.username(),
                tokens.roles()));
    }

    /**
     * Signs in at the user pool, answering the first-sign-in new-password step when the pool asks for it,
     * then asks this server who the user is: the server's group-to-role mapping decides the roles.
     */
    private SignInResult signInWithCognito(QueueDeskClient client, AuthConfigDto config, String user, String secret,
                                           CognitoSignIn.NewPasswordRequired challenge, String chosen) throws Exception {
        CognitoSignIn pool = cognitoClients.apply(config);
        TokenResponse tokens;
        if (challenge != null) {
            tokens = pool.completeNewPassword(challenge, chosen);
        } else {
            var outcome = pool.signIn(user, secret);
            if (outcome instanceof CognitoSignIn.NewPasswordRequired needed) {
                throw new NeedsNewPassword(needed);
            }
            tokens = ((CognitoSignIn.SignedIn) outcome).tokens();
        }
        String name = tokens.username();
        client.signedInElsewhere(tokens, new QueueDeskClient.TokenRenewal() {
            @Override
            public TokenResponse renew(String refreshToken) throws IOException, ApiException {
                return pool.renew(name, refreshToken);
            }

            @Override
            public void revoke(String refreshToken) {
                pool.signOut(refreshToken);
            }
        });
        var me = client.me();
        return new SignInResult(client, SignedInUser.of(me.name(), me.roles()));
    }

    private void succeeded(URI address, SignInResult result) {
        busy.set(false);
        password.set("");
        newPassword.set("");
        pendingChallenge = null;
        newPasswordRequired.set(false);
        memory.remember(address.toString());
        onSignedIn.accept(result);
    }

    private void failed(URI address, Throwable error) {
        busy.set(false);
        if (error instanceof MissingField missing) {
            (missing.field.equals("username") ? usernameError : passwordError)
                    .set(messages.getString("signin.error." + missing.field));
        } else if (error instanceof NeedsNewPassword needs) {
            pendingChallenge = needs.challenge;
            newPasswordRequired.set(true);
            passwordError.set(messages.getString("signin.newPassword.hint"));
        } else if (error instanceof CognitoSignIn.SignInException refused) {
            // in the user's language; the pool's own words (its password rules) can only follow in English
            passwordError.set(format("signin.cognito." + refused.reason().name().toLowerCase(java.util.Locale.ROOT),
                    refused.detail()));
        } else if (error instanceof ServerRelease.Mismatch mismatch) {
            serverError.set(format("signin.error.version", mismatch.serverVersion(), mismatch.appVersion()));
        } else if (error instanceof UnsupportedProvider unsupported) {
            serverError.set(format("signin.error.provider", unsupported.provider));
        } else if (error instanceof ApiException api && (api.status() == 401 || api.status() == 403 || api.status() == 400)) {
            passwordError.set(api.status() == 401 ? messages.getString("signin.error.credentials") : api.detail());
        } else if (error instanceof ApiException api) {
            serverError.set(api.detail());
        } else if (error instanceof IOException) {
            serverError.set(format("signin.error.unreachable", address));
        } else {
            LOG.log(Level.WARNING, "Sign-in failed", error);
            serverError.set(format("signin.error.unexpected", String.valueOf(error.getMessage())));
        }
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(messages.getString(key), messages.getLocale()).format(arguments);
    }

    private static final class MissingField extends Exception {
        private final String field;

        MissingField(String field) {
            super(field + " missing", null, false, false);
            this.field = field;
        }
    }

    private static final class NeedsNewPassword extends Exception {
        private final CognitoSignIn.NewPasswordRequired challenge;

        NeedsNewPassword(CognitoSignIn.NewPasswordRequired challenge) {
            super("new password required", null, false, false);
            this.challenge = challenge;
        }
    }

    private static final class UnsupportedProvider extends Exception {
        private final String provider;

        UnsupportedProvider(String provider) {
            super("unsupported provider " + provider, null, false, false);
            this.provider = provider;
        }
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public StringProperty serverAddressProperty() {
        return serverAddress;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty serverErrorProperty() {
        return serverError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usernameErrorProperty() {
        return usernameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public ReadOnlyBooleanProperty newPasswordRequiredProperty() {
        return newPasswordRequired.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
