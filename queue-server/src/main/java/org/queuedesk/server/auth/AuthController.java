package org.queuedesk.server.auth;

import static org.queuedesk.common.Role.DISPLAY;
import static org.queuedesk.common.Role.KIOSK;
import static org.queuedesk.server.ground.Roles.ADMINS;
import static org.queuedesk.server.ground.Roles.ANYONE;
import static org.queuedesk.server.ground.Roles.STAFF;
import static org.queuedesk.server.ground.Roles.with;
import static org.queuedesk.server.ground.Routes.listOf;

import io.javalin.http.Context;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.RefreshRequest;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.common.auth.ResetPasswordRequest;
import org.queuedesk.common.auth.WhoAmIDto;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.common.auth.AuthConfigDto;
import org.queuedesk.common.auth.DeviceDto;
import org.queuedesk.common.auth.RegisteredDeviceDto;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.auth.UserDto;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/** HTTP for sign-in, users, devices and the audit log. */
public final class AuthController implements RouteSource {

    private final Auth auth;

    public AuthController(Auth auth) {
        this.auth = auth;
    }

    /** Sign-in: public entry points, then what only an admin may do. */
    @Override
    public void routes(Routes routes) {
        routes.get("/api/auth/config", ANYONE, "Which identity provider to sign in with", AuthConfigDto.class, this::config);
        routes.post("/api/auth/login", ANYONE, "Sign in (built-in provider)", LoginRequest.class, TokenResponse.class,
                this::login);
        routes.post("/api/auth/refresh", ANYONE, "Exchange a refresh token for new tokens", RefreshRequest.class,
                TokenResponse.class, this::refresh);
        routes.postNoContent("/api/auth/logout", ANYONE, "End a sign-in (revokes the refresh token)",
                RefreshRequest.class, this::logout);
        routes.get("/api/auth/me", with(STAFF, KIOSK, DISPLAY), "Who am I", WhoAmIDto.class, this::me);
        routes.get("/api/users", ADMINS, "List built-in users", listOf(UserDto.class), this::users);
        routes.create("/api/users", ADMINS, "Create a built-in user", CreateUserRequest.class, UserDto.class,
                this::createUser);
        routes.post("/api/users/{username}/disable", ADMINS, "Disable a user (ends their sign-ins)", null, UserDto.class,
                this::disableUser);
        routes.post("/api/users/{username}/enable", ADMINS, "Enable a user", null, UserDto.class, this::enableUser);
        routes.post("/api/users/{username}/password", ADMINS, "Reset a user's password", ResetPasswordRequest.class,
                UserDto.class, this::resetPassword);
        routes.get("/api/devices", ADMINS, "List kiosks and displays", listOf(DeviceDto.class), this::devices);
        routes.create("/api/devices", ADMINS, "Create (register) a kiosk or display; its token is shown once",
                RegisterDeviceRequest.class, RegisteredDeviceDto.class, this::registerDevice);
        routes.post("/api/devices/{deviceId}/revoke", ADMINS, "Revoke a device's token", null, DeviceDto.class,
                this::revokeDevice);
        routes.get("/api/audit", ADMINS, "Audit log entries, newest first (?actor=&action=&from=&to=&limit=&before=)", listOf(AuditEntry.class), this::audit);
    }

    public void config(Context ctx) {
        ctx.json(auth.clientConfig());
    }

    public void login(Context ctx) {
        var request = Requests.body(ctx, LoginRequest.class);
        ctx.json(auth.requireBuiltIn().login(request.username(), request.password(), ctx.ip()));
    }

    public void refresh(Context ctx) {
        ctx.json(auth.requireBuiltIn().refresh(Requests.body(ctx, RefreshRequest.class).refreshToken()));
    }

    public void logout(Context ctx) {
        auth.requireBuiltIn().logout(Requests.body(ctx, RefreshRequest.class).refreshToken());
        ctx.status(204);
    }

    public void me(Context ctx) {
        var p = AccessCheck.principal(ctx);
        ctx.json(new WhoAmIDto(p.name(), p.roles().stream().sorted().toList(), p.device()));
    }

    public void users(Context ctx) {
        ctx.json(auth.requireBuiltIn().users());
    }

    public void createUser(Context ctx) {
        ctx.status(201).json(auth.requireBuiltIn().create(Requests.body(ctx, CreateUserRequest.class), Requests.actor(ctx)));
    }

    public void disableUser(Context ctx) {
        ctx.json(auth.requireBuiltIn().setDisabled(ctx.pathParam("username"), true, Requests.actor(ctx)));
    }

    public void enableUser(Context ctx) {
        ctx.json(auth.requireBuiltIn().setDisabled(ctx.pathParam("username"), false, Requests.actor(ctx)));
    }

    public void resetPassword(Context ctx) {
        var request = Requests.body(ctx, ResetPasswordRequest.class);
        ctx.json(auth.requireBuiltIn().resetPassword(ctx.pathParam("username"), request.password(), Requests.actor(ctx)));
    }

    public void devices(Context ctx) {
        ctx.json(auth.devices().list());
    }

    public void registerDevice(Context ctx) {
        ctx.status(201).json(auth.devices().register(Requests.body(ctx, RegisterDeviceRequest.class), Requests.actor(ctx)));
    }

    public void revokeDevice(Context ctx) {
        ctx.json(auth.devices().revoke(Requests.id(ctx, "deviceId"), Requests.actor(ctx)));
    }

    public void audit(Context ctx) {
        ctx.json(auth.audit().page(AuditQueryValidator.validate(new AuditParams(ctx.queryParam("actor"),
                ctx.queryParam("action"), ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("limit"),
                ctx.queryParam("before")))));
    }
}
