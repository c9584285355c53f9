package org.queuedesk.server.auth;

import io.javalin.http.Context;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.RefreshRequest;
import org.queuedesk.common.auth.RegisterDeviceRequest;
import org.queuedesk.common.auth.ResetPasswordRequest;
import org.queuedesk.common.auth.WhoAmIDto;
import org.queuedesk.server.ground.AccessCheck;
import org.queuedesk.server.ground.Requests;

/** HTTP for sign-in, users, devices and the audit log. */
public final class AuthController {

    private final Auth auth;

    public AuthController(Auth auth) {
        this.auth = auth;
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
        int limit = ctx.queryParamAsClass("limit", Integer.class).check(n -> n == null || (n > 0 && n <= 1000), "use 1 to 1000")
                .getOrDefault(200);
        ctx.json(auth.audit().latest(limit));
    }
}
