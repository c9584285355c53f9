package org.queuedesk.server.privacy;

/**
 * Every feature that keeps personal data, one per count of the {@link PurgeReport}: the tickets, the text
 * messages (notify), the status links (status), the stored events (event), the stored replies (idempotency)
 * and the opt-outs (notify). The assembly wires them.
 */
public record PersonalDataHolders(PatientTickets tickets, PersonalDataHolder textMessages,
                                  PersonalDataHolder statusLinks, PersonalDataHolder events,
                                  StoredReplies storedReplies, OptOutNumbers optOuts) {
}
