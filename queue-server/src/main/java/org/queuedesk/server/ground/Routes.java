package org.queuedesk.server.ground;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsConfig;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.queuedesk.common.Role;

/**
 * Where features declare their routes: path, roles, summary, request and response types, handler. A write
 * that must honour {@code Idempotency-Key} is declared with {@code idempotentPost} or {@code idempotentCreate}
 * and gives an {@link IdempotentHandler}; the other methods take a plain handler. Declarations keep their order.
 */
public final class Routes {

    private final List<RouteSpec> http = new ArrayList<>();
    private final List<WsRouteSpec> ws = new ArrayList<>();

    public void get(String path, Set<Role> roles, String summary, Type response, Handler handler) {
        add(HandlerType.GET, path, roles, summary, null, response, handler, null, 200, true);
    }

    public void put(String path, Set<Role> roles, String summary, Class<?> body, Type response, Handler handler) {
        add(HandlerType.PUT, path, roles, summary, body, response, handler, null, 200, true);
    }

    public void post(String path, Set<Role> roles, String summary, Class<?> body, Type response, Handler handler) {
        add(HandlerType.POST, path, roles, summary, body, response, handler, null, 200, true);
    }

    /** A DELETE that answers 204 No Content. */
    public void deleteNoContent(String path, Set<Role> roles, String summary, Handler handler) {
        add(HandlerType.DELETE, path, roles, summary, null, null, handler, null, 204, true);
    }

    /** A POST that creates something: 201 Created. */
    public void create(String path, Set<Role> roles, String summary, Class<?> body, Type response, Handler handler) {
        add(HandlerType.POST, path, roles, summary, body, response, handler, null, 201, true);
    }

    /** A POST that answers 204 No Content. */
    public void postNoContent(String path, Set<Role> roles, String summary, Class<?> body, Handler handler) {
        add(HandlerType.POST, path, roles, summary, body, null, handler, null, 204, true);
    }

    /** A POST that moves something, honouring {@code Idempotency-Key}. */
    public void idempotentPost(String path, Set<Role> roles, String summary, Class<?> body, Type response,
                               IdempotentHandler write) {
        add(HandlerType.POST, path, roles, summary, body, response, null, write, 200, true);
    }

    /** An idempotent POST whose body may be left out. */
    public void idempotentPostOptionalBody(String path, Set<Role> roles, String summary, Class<?> body, Type response,
                                           IdempotentHandler write) {
        add(HandlerType.POST, path, roles, summary, body, response, null, write, 200, false);
    }

    /** A POST that creates something (201 Created), honouring {@code Idempotency-Key}. */
    public void idempotentCreate(String path, Set<Role> roles, String summary, Class<?> body, Type response,
                                 IdempotentHandler write) {
        add(HandlerType.POST, path, roles, summary, body, response, null, write, 201, true);
    }

    /** A WebSocket route; its roles are checked before the upgrade. */
    public void ws(String path, Set<Role> roles, String summary, Consumer<WsConfig> handler) {
        ws.add(new WsRouteSpec(path, roles, summary, handler));
    }

    public List<RouteSpec> http() {
        return List.copyOf(http);
    }

    public List<WsRouteSpec> ws() {
        return List.copyOf(ws);
    }

    /** The type {@code List<element>}, for a response that is a JSON array. */
    public static Type listOf(Class<?> element) {
        return new ListType(element);
    }

    private void add(HandlerType method, String path, Set<Role> roles, String summary, Class<?> body, Type response,
                     Handler handler, IdempotentHandler write, int status, boolean bodyRequired) {
        http.add(new RouteSpec(method, path, roles, summary, body, response, handler, write, status, bodyRequired));
    }

    private record ListType(Class<?> element) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {element};
        }

        @Override
        public Type getRawType() {
            return List.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }
}
