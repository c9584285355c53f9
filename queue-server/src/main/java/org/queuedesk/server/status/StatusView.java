package org.queuedesk.server.status;

/**
 * What the patient's status page shows, as sent to it: never a name or a phone number. {@code headline},
 * {@code waitText} and {@code textsText} are already in the patient's language. The wait: {@code waitMinutes}
 * (the estimate) within {@code waitMinMinutes}-{@code waitMaxMinutes} (80 % nominal), all null when unknown.
 */
public record StatusView(String number, String service, String site, String state, Integer position,
                         Integer waitMinMinutes, Integer waitMaxMinutes, String room, boolean textMessages,
                         boolean hasPhone, boolean canCancel, String language, String headline, String waitText,
                         String textsText, Integer waitMinutes) {
}
