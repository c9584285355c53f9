package org.queuedesk.server.notify;

import java.time.Instant;
import java.util.List;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.privacy.OptOutNumbers;
import org.queuedesk.server.privacy.PersonalDataHolder;

/** Numbers and texts of text messages, and opt-outs still keyed by the number, for the personal data purge. */
public final class SmsPersonalData implements PersonalDataHolder, OptOutNumbers {

    static final String NOT_SENT = "Not sent: the message was still queued when its personal data was purged.";

    @Override
    public int forget(WriteTransaction tx, List<Long> ticketIds, Instant now) {
        return tx.attach(NotifyDao.class).forgetMessagesTo(ticketIds, NOT_SENT, now);
    }

    /** The numbers and texts of the messages about these bookings (their names and phones are being purged). */
    public int forgetAppointmentMessages(WriteTransaction tx, List<Long> appointmentIds, Instant now) {
        return tx.attach(NotifyDao.class).forgetMessagesAboutAppointments(appointmentIds, NOT_SENT, now);
    }

    @Override
    public List<String> unhashed(WriteTransaction tx, int limit) {
        return tx.attach(NotifyDao.class).unhashedOptOuts(limit);
    }

    @Override
    public void replaceWithHash(WriteTransaction tx, String phone, String phoneHash) {
        var dao = tx.attach(NotifyDao.class);
        dao.insertHashedOptOut(phone, phoneHash);
        dao.deleteUnhashedOptOut(phone);
    }
}
