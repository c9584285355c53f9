package org.queuedesk.common.notify;

/** One text of a service as it will be sent: its own or the default, and how many SMS segments it takes at most. */
public record SmsTemplateDto(long serviceId, String language, String kind, String text, boolean custom, int segments) {
}
