package org.queuedesk.server.privacy;

/**
 * Every feature that keeps personal data, one per count of the {@link PurgeReport}: the tickets, the text
 * messages (notify), the status links (status), the stored events (event), the stored replies (idempotency),
 * the opt-outs (notify) and the bookings (appointment). The assembly wires them.
 */
public record PersonalDataHolders(PatientTickets tickets, PersonalDataHolder textMessages,
                                  PersonalDataHolder statusLinks, PersonalDataHolder events,
                                  StoredReplies storedReplies, OptOutNumbers optOuts,
                                  PatientAppointments appointments) {

    /** Without bookings. */
    public PersonalDataHolders(PatientTickets tickets, PersonalDataHolder textMessages, PersonalDataHolder statusLinks,
                               PersonalDataHolder events, StoredReplies storedReplies, OptOutNumbers optOuts) {
        this(tickets, textMessages, statusLinks, events, storedReplies, optOuts, PatientAppointments.NONE);
    }
}
