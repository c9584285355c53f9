package org.queuedesk.server.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.queuedesk.common.event.EventPayload.TicketChange;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketEventDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.common.ticket.TransferRequest;
import org.queuedesk.common.ticket.TicketPhoneDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.AuditTrail;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.event.EventLog;
import org.queuedesk.server.site.SiteCatalog;

/** Issuing, finding and correcting tickets. */
public final class TicketService {

    private final Database db;
    private final TicketMoves moves;
    private final EventLog events;
    private final Clock clock;
    private final Doctors doctors;
    private final AuditTrail audit;

    public TicketService(Database db, TicketMoves moves, EventLog events, Clock clock, Doctors doctors,
                         AuditTrail audit) {
        this.audit = audit;
        this.db = db;
        this.moves = moves;
        this.events = events;
        this.clock = clock;
        this.doctors = doctors;
    }

    /**
     * Issues a ticket: the number comes from the service's counter row for the site's local date, bumped
     * in this same transaction, so numbers are never reused and restart at the site's midnight.
     */
    public TicketDto issue(WriteTransaction tx, IssueTicketRequest request, String actor) {
        return issue(tx, request, null, actor);
    }

    /**
     * Issues a ticket that takes its place in the queue at {@code queuedAt} instead of now (null: now): a checked-in
     * appointment's slot start. Next does not call a ticket before its queue time (README, "Appointments").
     */
    public TicketDto issue(WriteTransaction tx, IssueTicketRequest request, Instant queuedAt, String actor) {
        ServiceDto service = SiteCatalog.service(tx, request.serviceId())
                .orElseThrow(() -> ApiProblem.unknownReference("serviceId", "there is no service " + request.serviceId() + "."));
        if (!service.active()) {
            throw ApiProblem.conflict("Service '" + service.name() + "' is closed; it does not take tickets now.");
        }
        var site = SiteCatalog.site(tx, service.siteId()).orElseThrow();
        var now = clock.instant();
        LocalDate today = now.atZone(ZoneId.of(site.timeZone())).toLocalDate();
        int seq = TicketWriteDao.nextSequence(tx, service.id(), today);
        String number = formatNumber(service.prefix(), seq);
        Priority priority = request.priority() == null ? Priority.NORMAL : request.priority();
        TicketSource source = request.source() == null ? TicketSource.RECEPTION : request.source();
        String rawPhone = blankToNull(request.phone());
        String phone = rawPhone == null ? null : moves.hooks().phoneFor(tx, site.id(), rawPhone);
        String assignedDoctor = blankToNull(request.assignedDoctor());
        if (assignedDoctor != null && !doctors.isDoctor(tx, assignedDoctor)) {
            // a typo here would leave a patient that no session ever calls
            throw ApiProblem.unknownReference("assignedDoctor", "there is no doctor with the username '"
                    + assignedDoctor + "'; assign a doctor by the name they sign in with.");
        }
        var ticket = TicketWriteDao.insert(tx, site.id(), service.id(), today, seq, number, priority, source,
                blankToNull(request.patientName()), phone, assignedDoctor,
                now, queuedAt == null ? now : queuedAt);
        TicketWriteDao.insertEvent(tx, ticket.id(), TicketAction.ISSUE.wireName(), null, TicketState.WAITING, service.id(), null, actor, now);
        events.append(tx, site.id(), actor, new TicketChange(TicketAction.ISSUE.eventType(), StaffView.of(ticket)));
        moves.hooks().issued(tx, ticket, blankToNull(request.language()), actor);
        return ticket;
    }

    /** {@code A-007}; past 999 the number simply grows ({@code A-1000}) rather than wrapping. */
    static String formatNumber(String prefix, int seq) {
        String digits = Integer.toString(seq); // not String.format: it showed in the writer thread's profile
        return prefix + (digits.length() >= 3 ? "-" : digits.length() == 2 ? "-0" : "-00") + digits;
    }

    /** The full phone number of a ticket, for reception to confirm with the patient; the read is audited. */
    public TicketPhoneDto phone(long id, String actor) {
        return db.write(tx -> {
            var ticket = moves.load(tx, id);
            if (ticket.phone() == null) {
                throw ApiProblem.notFound("Ticket " + ticket.number() + " has no phone number (none was given, or it "
                        + "was purged after the retention period).");
            }
            audit.record(tx, actor, "ticket.phone-read", "ticket " + ticket.id(),
                    ticket.number() + " on " + ticket.serviceDate());
            return new TicketPhoneDto(ticket.id(), ticket.number(), ticket.phone());
        });
    }

    public TicketDto find(long id) {
        return db.read(h -> h.attach(TicketDao.class).find(id))
                .orElseThrow(() -> ApiProblem.notFound("There is no ticket " + id + "."));
    }

    public List<TicketEventDto> history(long id) {
        find(id);
        return db.read(h -> h.attach(TicketDao.class).history(id));
    }

    public TicketDto findByNumber(long siteId, LocalDate date, String number) {
        return db.read(h -> h.attach(TicketDao.class).findByNumber(siteId, date, number.strip().toUpperCase(java.util.Locale.ROOT)))
                .orElseThrow(() -> ApiProblem.notFound("There is no ticket " + number + " on " + date + "."));
    }

    public List<TicketDto> forServiceOn(long serviceId, LocalDate date) {
        return db.read(h -> h.attach(TicketDao.class).forServiceOn(serviceId, date));
    }

    public int waitingAhead(TicketDto ticket) {
        return db.read(h -> h.attach(TicketDao.class).waitingAhead(ticket));
    }

    public TicketDto cancel(WriteTransaction tx, long id, String actor) {
        return moves.cancel(tx, moves.load(tx, id), actor);
    }

    public TicketDto requeue(WriteTransaction tx, long id, String actor) {
        return moves.requeue(tx, moves.load(tx, id), actor);
    }

    public TicketDto changePriority(WriteTransaction tx, long id, Priority priority, String actor) {
        return moves.changePriority(tx, moves.load(tx, id), priority, actor);
    }

    /** Transfers a ticket; if it was someone's current patient, that session's room becomes free. */
    public TicketDto transfer(WriteTransaction tx, long id, TransferRequest request, String actor) {
        var ticket = moves.load(tx, id);
        var target = SiteCatalog.service(tx, request.toServiceId())
                .orElseThrow(() -> ApiProblem.unknownReference("toServiceId", "there is no service " + request.toServiceId() + "."));
        if (target.siteId() != ticket.siteId()) {
            throw ApiProblem.unknownReference("toServiceId", "service " + target.id() + " belongs to another site.");
        }
        if (!target.active()) {
            throw ApiProblem.conflict("Service '" + target.name() + "' is closed; it does not take tickets now.");
        }
        return moves.transfer(tx, ticket, target.id(), Boolean.TRUE.equals(request.returnAfter()), actor);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
