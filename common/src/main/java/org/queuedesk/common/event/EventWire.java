package org.queuedesk.common.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.IOException;

/**
 * The versions of the live event stream. They differ only in how event types are spelled: version 1 (what
 * clients get unless they ask for more: desktops already installed, a board page a TV has cached) writes every
 * underscore as a dot ({@code ticket.no.show}); version 2 keeps the state's own name ({@code ticket.no_show}).
 * Readers accept both, so an old event log and an old server stay readable.
 */
public enum EventWire {
    V1, V2;

    /** What a client asks for with {@code ?v=}: nothing is version 1; an unknown version is refused. */
    public static EventWire ofQuery(String value) {
        if (value == null || value.equals("1")) {
            return V1;
        }
        if (value.equals("2")) {
            return V2;
        }
        throw new IllegalArgumentException("unknown event stream version " + value + " (1 or 2)");
    }

    public String typeName(EventType type) {
        return this == V1 ? type.legacyWireName() : type.wireName();
    }

    /** A writer that spells event types for this version (the mapper's own writer spells them as {@link #V2}). */
    public ObjectWriter writer(ObjectMapper json) {
        return json.writer().withAttribute(EventWire.class, this);
    }

    /** Writes an event type as the writer's version spells it. */
    static final class TypeName extends StdSerializer<EventType> {
        TypeName() {
            super(EventType.class);
        }

        @Override
        public void serialize(EventType type, JsonGenerator gen, SerializerProvider provider) throws IOException {
            var wire = provider.getAttribute(EventWire.class);
            gen.writeString((wire instanceof EventWire version ? version : V2).typeName(type));
        }
    }

    /** Jackson's type ids for {@link QueueEvent}: the {@code type} property names the kind of event it is. */
    static final class TypeIds extends TypeIdResolverBase {
        @Override
        public String idFromValue(Object value) {
            return ((QueueEvent) value).type().wireName();
        }

        @Override
        public String idFromValueAndType(Object value, Class<?> suggestedType) {
            return idFromValue(value);
        }

        /** Null for a type this version does not know: Jackson then refuses the event as of an unknown type. */
        @Override
        public JavaType typeFromId(DatabindContext context, String id) {
            return EventType.find(id).map(type -> context.constructType(type.carrier())).orElse(null);
        }

        @Override
        public JsonTypeInfo.Id getMechanism() {
            return JsonTypeInfo.Id.CUSTOM;
        }
    }
}
