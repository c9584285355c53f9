package org.queuedesk.desktop.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.queuedesk.common.auth.DevicePrinterDto;
import org.queuedesk.common.auth.PrinterStatusRequest;
import org.queuedesk.common.auth.AuthConfigDto;
import org.queuedesk.common.auth.LoginRequest;
import org.queuedesk.common.auth.RefreshRequest;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.auth.WhoAmIDto;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.common.json.Problem;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.notify.TicketSmsDto;
import org.queuedesk.common.queue.NextRequest;
import org.queuedesk.common.queue.NextResult;
import org.queuedesk.common.queue.OpenSessionRequest;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.queue.SessionDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.ChangePriorityRequest;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TransferRequest;

/**
 * The queue server's HTTP API, typed. Blocking: call it through the background seam only. Sends the
 * bearer token of its {@link Session} when signed in (which refreshes it first when it is due, and once more when
 * the server refuses it with 401, then this retries that request once) and an {@code Idempotency-Key} on every
 * POST; an error answer
 * becomes an {@link ApiException} carrying the problem's {@code detail}. An
 * {@link IOException} means no answer at all (the outcome of a POST is then unknown: retry with the same key).
 */
public final class QueueDeskClient {

    private final HttpClient http;
    private final URI server;
    private final Session session;
    private final Duration timeout;
    private final ObjectMapper json;

    /** With a session over {@code tokens} that renews them at this server unless a sign-in elsewhere says otherwise. */
    public QueueDeskClient(HttpClient http, URI server, TokenStore tokens, Duration timeout) {
        this.http = http;
        this.server = server;
        this.timeout = timeout;
        this.json = lenientMapper();
        this.session = new Session(tokens, new AtThisServer(), Session.REFRESHES);
    }

    /** Built on its first request (on the background seam), not at start-up: see {@link LazyHttpClient}. */
    public static HttpClient defaultHttp() {
        return new LazyHttpClient(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build());
    }

    /** The shared mapper, except that fields a newer server added are ignored rather than fatal. */
    public static ObjectMapper lenientMapper() {
        return JsonMapperFactory.create().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public URI server() {
        return server;
    }

    public TokenStore tokens() {
        return session.tokens();
    }

    /** The token holder this client's requests go through; give it to the live stream so both share one refresh. */
    public Session session() {
        return session;
    }

    // --- sign-in -----------------------------------------------------------------------------------

    /** How to sign in; empty when the server predates sign-in (404) and needs no token. */
    public Optional<AuthConfigDto> authConfig() throws IOException, InterruptedException, ApiException {
        try {
            return Optional.of(get("/api/auth/config", AuthConfigDto.class));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Signs in with the built-in provider and keeps the tokens. */
    public TokenResponse login(String username, String password) throws IOException, InterruptedException, ApiException {
        TokenResponse response = send(post("/api/auth/login", new LoginRequest(username, password), null, false),
                type(TokenResponse.class));
        session.signedIn(response, null);
        return response;
    }

    /**
     * How a refresh token becomes fresh tokens, and how it is revoked, when the identity provider is not this
     * server (Cognito).
     */
    public interface TokenRenewal extends Session.Renewal {
        @Override
        void revoke(String refreshToken);
    }

    /** Keeps tokens obtained from another identity provider, and how to renew and revoke them there. */
    public void signedInElsewhere(TokenResponse response, TokenRenewal renewal) {
        session.signedIn(response, renewal);
    }

    /** Refresh and sign-out of the tokens this server issued (the built-in provider). */
    private final class AtThisServer implements Session.Renewal {
        @Override
        public TokenResponse renew(String refreshToken) throws IOException, InterruptedException, ApiException {
            return send(post("/api/auth/refresh", new RefreshRequest(refreshToken), null, false), type(TokenResponse.class));
        }

        @Override
        public void revoke(String refreshToken) throws IOException, InterruptedException, ApiException {
            var response = http.send(post("/api/auth/logout", new RefreshRequest(refreshToken), null, false)
                    .with(Optional.empty()), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 400) {
                throw new ApiException(response.statusCode(), problemOf(response.statusCode(), response.body()));
            }
        }
    }

    public WhoAmIDto me() throws IOException, InterruptedException, ApiException {
        return get("/api/auth/me", WhoAmIDto.class);
    }

    /**
     * Ends the sign-in: the tokens are forgotten at once (no I/O, safe on the FX thread); the refresh token is
     * returned so {@link #revoke} can end it where it was issued, off the FX thread.
     */
    public java.util.Optional<String> signOut() {
        return session.signOut();
    }

    /** Revokes a refresh token at the server (built-in) or the identity provider; blocking, best effort. */
    public void revoke(String refreshToken) throws IOException, InterruptedException, ApiException {
        session.revoke(refreshToken);
    }

    // --- sites ---------------------------------------------------------------------------------------

    public List<SiteDto> sites() throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/sites"), listOf(SiteDto.class));
    }

    public List<ServiceDto> services(long siteId) throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/sites/" + siteId + "/services"), listOf(ServiceDto.class));
    }

    public List<RoomDto> rooms(long siteId) throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/sites/" + siteId + "/rooms"), listOf(RoomDto.class));
    }

    public QueueStatusDto queueStatus(long siteId) throws IOException, InterruptedException, ApiException {
        return get("/api/sites/" + siteId + "/queue-status", QueueStatusDto.class);
    }

    // --- tickets -------------------------------------------------------------------------------------

    public List<TicketDto> ticketsOfService(long serviceId) throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/services/" + serviceId + "/tickets"), listOf(TicketDto.class));
    }

    /** Today's ticket with that number at the site; empty when there is none. */
    public Optional<TicketDto> findTicket(long siteId, String number) throws IOException, InterruptedException, ApiException {
        String query = "?number=" + URLEncoder.encode(number.strip(), StandardCharsets.UTF_8);
        try {
            return Optional.of(get("/api/sites/" + siteId + "/tickets" + query, TicketDto.class));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public TicketDto ticket(long ticketId) throws IOException, InterruptedException, ApiException {
        return get("/api/tickets/" + ticketId, TicketDto.class);
    }

    public TicketDto issue(IssueTicketRequest request, String idempotencyKey) throws IOException, InterruptedException, ApiException {
        return postFor("/api/tickets", request, idempotencyKey, TicketDto.class);
    }

    public TicketDto cancel(long ticketId, String idempotencyKey) throws IOException, InterruptedException, ApiException {
        return postFor("/api/tickets/" + ticketId + "/cancel", null, idempotencyKey, TicketDto.class);
    }

    public TicketDto requeue(long ticketId, String idempotencyKey) throws IOException, InterruptedException, ApiException {
        return postFor("/api/tickets/" + ticketId + "/requeue", null, idempotencyKey, TicketDto.class);
    }

    public TicketDto changePriority(long ticketId, Priority priority, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/tickets/" + ticketId + "/priority", new ChangePriorityRequest(priority), idempotencyKey,
                TicketDto.class);
    }

    public TicketDto transfer(long ticketId, TransferRequest request, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/tickets/" + ticketId + "/transfer", request, idempotencyKey, TicketDto.class);
    }

    /** The patient's status page link of a ticket, for a QR code; empty when this server has none (404). */
    public Optional<StatusLinkDto> statusLink(long ticketId) throws IOException, InterruptedException, ApiException {
        try {
            return Optional.of(get("/api/tickets/" + ticketId + "/status-link", StatusLinkDto.class));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A ticket's text messages and their delivery states (phone masked). */
    public TicketSmsDto ticketSms(long ticketId) throws IOException, InterruptedException, ApiException {
        return get("/api/tickets/" + ticketId + "/sms", TicketSmsDto.class);
    }

    /** The public status behind a status link's token (position and estimated wait). */
    public PatientStatus patientStatus(String statusToken) throws IOException, InterruptedException, ApiException {
        String path = "/t/" + URLEncoder.encode(statusToken, StandardCharsets.UTF_8) + "/status";
        return send(new Outgoing(HttpRequest.newBuilder(uri(path)).timeout(timeout).header("Accept", "application/json")
                .GET(), false), type(PatientStatus.class));
    }

    // --- kiosk printers ------------------------------------------------------------------------------

    /** A kiosk reports its printer after a print attempt (device token only). */
    public DevicePrinterDto reportPrinter(PrinterStatusRequest status) throws IOException, InterruptedException, ApiException {
        return postFor("/api/devices/me/printer", status, null, DevicePrinterDto.class);
    }

    /** The printer state each kiosk of the site last reported. */
    public List<DevicePrinterDto> kioskPrinters(long siteId) throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/sites/" + siteId + "/devices/printers"), listOf(DevicePrinterDto.class));
    }

    // --- sessions ------------------------------------------------------------------------------------

    public SessionDto openSession(OpenSessionRequest request, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/sessions", request, idempotencyKey, SessionDto.class);
    }

    public SessionDto session(long sessionId) throws IOException, InterruptedException, ApiException {
        return get("/api/sessions/" + sessionId, SessionDto.class);
    }

    /** Next; {@code expectedCurrentTicketId} 0 means "nobody is with me now". */
    public NextResult next(long sessionId, long expectedCurrentTicketId, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/sessions/" + sessionId + "/next", new NextRequest(expectedCurrentTicketId), idempotencyKey,
                NextResult.class);
    }

    /** One of the doctor's buttons that act on the current patient: recall, serve, done, no-show. */
    public TicketDto patientAction(long sessionId, PatientAction action, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/sessions/" + sessionId + "/" + action.path(), null, idempotencyKey, TicketDto.class);
    }

    /** pause, resume or close. */
    public SessionDto sessionAction(long sessionId, SessionAction action, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/sessions/" + sessionId + "/" + action.path(), null, idempotencyKey, SessionDto.class);
    }

    public enum PatientAction {
        RECALL("recall"), SERVE("serve"), DONE("done"), NO_SHOW("no-show");

        private final String path;

        PatientAction(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    public enum SessionAction {
        PAUSE("pause"), RESUME("resume"), CLOSE("close");

        private final String path;

        SessionAction(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    // --- plumbing ------------------------------------------------------------------------------------

    private <T> T get(String path, Class<T> type) throws IOException, InterruptedException, ApiException {
        return send(getRequest(path), type(type));
    }

    private <T> T postFor(String path, Object body, String idempotencyKey, Class<T> type)
            throws IOException, InterruptedException, ApiException {
        return send(post(path, body, idempotencyKey, true), type(type));
    }

    /** A request, and whether it goes out with the bearer token (added per attempt, see {@link #send}). */
    private record Outgoing(HttpRequest.Builder builder, boolean withToken) {
        HttpRequest with(Optional<String> token) {
            HttpRequest.Builder copy = builder.copy();
            token.ifPresent(value -> copy.header("Authorization", "Bearer " + value));
            return copy.build();
        }
    }

    private Outgoing getRequest(String path) {
        return authorized(HttpRequest.newBuilder(uri(path)).GET(), true);
    }

    private Outgoing post(String path, Object body, String idempotencyKey, boolean withToken) throws IOException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(publisher);
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return authorized(builder, withToken);
    }

    private Outgoing authorized(HttpRequest.Builder builder, boolean withToken) {
        builder.timeout(timeout).header("Accept", "application/json");
        return new Outgoing(builder, withToken);
    }

    /** Sends with a fresh token and reads the answer as JSON of this type (see {@link #send(Outgoing, HttpResponse.BodyHandler)}). */
    private <T> T send(Outgoing request, JavaType type) throws IOException, InterruptedException, ApiException {
        return json.readValue(send(request, HttpResponse.BodyHandlers.ofByteArray()), type);
    }

    /**
     * Sends with a fresh token; a 401 for a token the session can replace (the server restarted with a
     * clock ahead of ours, the token was refused for being old, or the stream refreshed it meanwhile) sends
     * once more with the new one. Nothing was done for a 401, so a POST goes again with the same idempotency key.
     * A success's body is read by {@code body} (JSON bytes, a report's CSV); a refusal's is always read as its
     * problem, thrown as an {@link ApiException}.
     */
    private <B> B send(Outgoing request, HttpResponse.BodyHandler<B> body)
            throws IOException, InterruptedException, ApiException {
        HttpResponse.BodyHandler<Answer<B>> answer = info -> info.statusCode() >= 400
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), Answer::<B>refused)
                : HttpResponse.BodySubscribers.mapping(body.apply(info), Answer::<B>answered);
        Optional<String> token = request.withToken() ? session.bearer(null) : Optional.empty();
        HttpResponse<Answer<B>> response = http.send(request.with(token), answer);
        if (response.statusCode() == 401 && token.isPresent()) {
            Optional<String> renewed = session.bearer(token.get());
            if (renewed.isPresent() && !renewed.equals(token)) {
                response = http.send(request.with(renewed), answer);
            }
        }
        int status = response.statusCode();
        if (status >= 400) {
            throw new ApiException(status, problemOf(status, response.body().problem()));
        }
        return response.body().body();
    }

    /** A success's body, or a refusal's problem bytes. */
    private record Answer<B>(B body, byte[] problem) {
        static <B> Answer<B> answered(B body) {
            return new Answer<>(body, null);
        }

        static <B> Answer<B> refused(byte[] problem) {
            return new Answer<>(null, problem);
        }
    }

    private Problem problemOf(int status, byte[] body) {
        try {
            Problem problem = json.readValue(body, Problem.class);
            return problem == null ? new Problem(null, null, status, null, null, null, null) : problem;
        } catch (IOException | RuntimeException notAProblem) {
            return new Problem(null, null, status, null, null, null, null);
        }
    }

    URI uri(String path) {
        String base = server.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    private JavaType type(Class<?> type) {
        return json.getTypeFactory().constructType(type);
    }

    private JavaType listOf(Class<?> element) {
        return json.getTypeFactory().constructCollectionType(List.class, element);
    }

    // --- appointments at the kiosk (issue 11) ---------------------------------------------------------

    /** A kiosk checks a patient in by booking code or phone number at its own site; retried with the same key. */
    public org.queuedesk.common.appointment.KioskCheckInDto kioskCheckIn(long siteId,
            org.queuedesk.common.appointment.KioskCheckInRequest request, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/sites/" + siteId + "/kiosk/check-in", request, idempotencyKey,
                org.queuedesk.common.appointment.KioskCheckInDto.class);
    }

    // --- appointments (issue 11) ---------------------------------------------------------------------

    /** A site's bookings on a local day (every state), of one doctor or (null) of all. */
    public List<org.queuedesk.common.appointment.AppointmentDto> appointments(long siteId, java.time.LocalDate day,
            String doctor) throws IOException, InterruptedException, ApiException {
        String query = "?date=" + day + (doctor == null ? "" : "&doctor=" + URLEncoder.encode(doctor, StandardCharsets.UTF_8));
        return send(getRequest("/api/sites/" + siteId + "/appointments" + query),
                listOf(org.queuedesk.common.appointment.AppointmentDto.class));
    }

    /** The active booking with that code at the site (an empty list when there is none). */
    public List<org.queuedesk.common.appointment.AppointmentDto> appointmentsByCode(long siteId, String code)
            throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/sites/" + siteId + "/appointments?code="
                + URLEncoder.encode(code.strip(), StandardCharsets.UTF_8)),
                listOf(org.queuedesk.common.appointment.AppointmentDto.class));
    }

    /**
     * Every slot with a free place of a service from {@code from} to {@code to} (local days; a day at a time, as
     * the desks show them), of one doctor or any: the search's pages read one after another.
     */
    public List<org.queuedesk.common.appointment.SlotDto> freeSlots(long siteId, long serviceId, String doctor,
            java.time.LocalDate from, java.time.LocalDate to) throws IOException, InterruptedException, ApiException {
        var all = new java.util.ArrayList<org.queuedesk.common.appointment.SlotDto>();
        String after = null;
        do {
            var page = firstFreeSlots(siteId, serviceId, doctor, from, to, after, SLOTS_PER_PAGE);
            all.addAll(page.slots());
            after = page.next();
        } while (after != null);
        return all;
    }

    /** The largest page the server's free-slot search gives (README, "Appointments"). */
    private static final int SLOTS_PER_PAGE = 200;

    /** The first {@code limit} free slots of a service from {@code from} to {@code to} after {@code after} (null: all). */
    public org.queuedesk.common.appointment.SlotPageDto firstFreeSlots(long siteId, long serviceId, String doctor,
            java.time.LocalDate from, java.time.LocalDate to, String after, int limit)
            throws IOException, InterruptedException, ApiException {
        String query = "?serviceId=" + serviceId + "&from=" + from + "&to=" + to + "&limit=" + limit
                + (doctor == null ? "" : "&doctor=" + URLEncoder.encode(doctor, StandardCharsets.UTF_8))
                + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        return send(getRequest("/api/sites/" + siteId + "/slots" + query), type(org.queuedesk.common.appointment.SlotPageDto.class));
    }

    /** Free places and free times per day of a service from {@code from} to {@code to}: a booking's calendar. */
    public List<org.queuedesk.common.appointment.SlotDayDto> freeSlotDays(long siteId, long serviceId, String doctor,
            java.time.LocalDate from, java.time.LocalDate to) throws IOException, InterruptedException, ApiException {
        String query = "?serviceId=" + serviceId + "&from=" + from + "&to=" + to
                + (doctor == null ? "" : "&doctor=" + URLEncoder.encode(doctor, StandardCharsets.UTF_8));
        return send(getRequest("/api/sites/" + siteId + "/slot-days" + query),
                listOf(org.queuedesk.common.appointment.SlotDayDto.class));
    }

    public org.queuedesk.common.appointment.AppointmentDto book(
            org.queuedesk.common.appointment.BookAppointmentRequest request, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/appointments", request, idempotencyKey, org.queuedesk.common.appointment.AppointmentDto.class);
    }

    public org.queuedesk.common.appointment.AppointmentDto moveAppointment(long appointmentId,
            org.queuedesk.common.appointment.MoveAppointmentRequest request, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/appointments/" + appointmentId + "/move", request, idempotencyKey,
                org.queuedesk.common.appointment.AppointmentDto.class);
    }

    public org.queuedesk.common.appointment.AppointmentDto cancelAppointment(long appointmentId, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/appointments/" + appointmentId + "/cancel", null, idempotencyKey,
                org.queuedesk.common.appointment.AppointmentDto.class);
    }

    /** Turns a booking of today into a ticket; the answer says whether it was late (queued by arrival). */
    public org.queuedesk.common.appointment.CheckInDto checkIn(long appointmentId, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/appointments/" + appointmentId + "/check-in", null, idempotencyKey,
                org.queuedesk.common.appointment.CheckInDto.class);
    }

    // --- alerts ----------------------------------------------------------------------------------------

    /** A site's open alerts (README, "Alerts"). */
    public List<org.queuedesk.common.alert.AlertDto> openAlerts(long siteId)
            throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/sites/" + siteId + "/alerts"), listOf(org.queuedesk.common.alert.AlertDto.class));
    }

    /** Acknowledges an alert; idempotent (a repeat or a cleared alert answers it as it stands). */
    public org.queuedesk.common.alert.AlertDto acknowledgeAlert(long alertId, String idempotencyKey)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/alerts/" + alertId + "/acknowledge", null, idempotencyKey,
                org.queuedesk.common.alert.AlertDto.class);
    }

    // --- admin: management screens (issue 14) --------------------------------------------------------

    public org.queuedesk.common.site.SiteDto site(long siteId) throws IOException, InterruptedException, ApiException {
        return get("/api/sites/" + siteId, org.queuedesk.common.site.SiteDto.class);
    }

    public ServiceDto createService(long siteId, org.queuedesk.common.site.CreateServiceRequest request)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/sites/" + siteId + "/services", request, null, ServiceDto.class);
    }

    public ServiceDto setServiceNames(long serviceId, java.util.Map<String, String> names)
            throws IOException, InterruptedException, ApiException {
        return putFor("/api/services/" + serviceId + "/names", new org.queuedesk.common.site.NamesRequest(names),
                ServiceDto.class);
    }

    public org.queuedesk.common.site.ServiceDefaultsDto setDefaultServiceMinutes(long serviceId, Integer minutes)
            throws IOException, InterruptedException, ApiException {
        return putFor("/api/services/" + serviceId + "/default-service-minutes",
                new org.queuedesk.common.site.DefaultServiceMinutesRequest(minutes),
                org.queuedesk.common.site.ServiceDefaultsDto.class);
    }

    public org.queuedesk.common.online.RemoteJoiningDto remoteJoining(long serviceId)
            throws IOException, InterruptedException, ApiException {
        return get("/api/services/" + serviceId + "/remote-joining", org.queuedesk.common.online.RemoteJoiningDto.class);
    }

    public org.queuedesk.common.online.RemoteJoiningDto setRemoteJoining(long serviceId,
            org.queuedesk.common.online.RemoteJoiningRequest request) throws IOException, InterruptedException, ApiException {
        return putFor("/api/services/" + serviceId + "/remote-joining", request,
                org.queuedesk.common.online.RemoteJoiningDto.class);
    }

    /** A service's text messages in every language and kind: its own, or the default that would be sent. */
    public List<org.queuedesk.common.notify.SmsTemplateDto> smsTexts(long serviceId)
            throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/services/" + serviceId + "/sms-texts"),
                listOf(org.queuedesk.common.notify.SmsTemplateDto.class));
    }

    /** Sets one text of a service (an empty text goes back to the default). */
    public org.queuedesk.common.notify.SmsTemplateDto setSmsText(long serviceId,
            org.queuedesk.common.notify.SmsTemplateRequest request) throws IOException, InterruptedException, ApiException {
        return postFor("/api/services/" + serviceId + "/sms-texts", request, null,
                org.queuedesk.common.notify.SmsTemplateDto.class);
    }

    public RoomDto createRoom(long siteId, org.queuedesk.common.site.CreateRoomRequest request)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/sites/" + siteId + "/rooms", request, null, RoomDto.class);
    }

    public RoomDto setRoomNames(long roomId, java.util.Map<String, String> names)
            throws IOException, InterruptedException, ApiException {
        return putFor("/api/rooms/" + roomId + "/names", new org.queuedesk.common.site.NamesRequest(names), RoomDto.class);
    }

    public org.queuedesk.common.appointment.ScheduleDto schedule(long siteId, String doctor)
            throws IOException, InterruptedException, ApiException {
        return get(schedulePath(siteId, doctor), org.queuedesk.common.appointment.ScheduleDto.class);
    }

    public org.queuedesk.common.appointment.ScheduleDto replaceSchedule(long siteId, String doctor,
            org.queuedesk.common.appointment.ScheduleRequest request) throws IOException, InterruptedException, ApiException {
        return putFor(schedulePath(siteId, doctor), request, org.queuedesk.common.appointment.ScheduleDto.class);
    }

    public org.queuedesk.common.appointment.ScheduleDto addScheduleException(long siteId, String doctor,
            org.queuedesk.common.appointment.ScheduleExceptionRequest request)
            throws IOException, InterruptedException, ApiException {
        return postFor(schedulePath(siteId, doctor) + "/exceptions", request, null,
                org.queuedesk.common.appointment.ScheduleDto.class);
    }

    public void deleteScheduleException(long siteId, String doctor, java.time.LocalDate date)
            throws IOException, InterruptedException, ApiException {
        sendForNoBody(authorized(HttpRequest.newBuilder(uri(schedulePath(siteId, doctor) + "/exceptions/" + date))
                .DELETE(), true));
    }

    private static String schedulePath(long siteId, String doctor) {
        return "/api/sites/" + siteId + "/schedules/" + URLEncoder.encode(doctor, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public List<org.queuedesk.common.auth.UserDto> users() throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/users"), listOf(org.queuedesk.common.auth.UserDto.class));
    }

    public org.queuedesk.common.auth.UserDto createUser(org.queuedesk.common.auth.CreateUserRequest request)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/users", request, null, org.queuedesk.common.auth.UserDto.class);
    }

    /** Disables ({@code disabled} true: their sign-ins end at once) or enables a user. */
    public org.queuedesk.common.auth.UserDto setUserDisabled(String username, boolean disabled)
            throws IOException, InterruptedException, ApiException {
        return postFor(userPath(username) + (disabled ? "/disable" : "/enable"), null, null,
                org.queuedesk.common.auth.UserDto.class);
    }

    public org.queuedesk.common.auth.UserDto resetPassword(String username, String password)
            throws IOException, InterruptedException, ApiException {
        return postFor(userPath(username) + "/password", new org.queuedesk.common.auth.ResetPasswordRequest(password), null,
                org.queuedesk.common.auth.UserDto.class);
    }

    private static String userPath(String username) {
        return "/api/users/" + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public List<org.queuedesk.common.auth.DeviceDto> devices() throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/devices"), listOf(org.queuedesk.common.auth.DeviceDto.class));
    }

    /** The answer carries the device's token: the only time anyone sees it. */
    public org.queuedesk.common.auth.RegisteredDeviceDto registerDevice(org.queuedesk.common.auth.RegisterDeviceRequest request)
            throws IOException, InterruptedException, ApiException {
        return postFor("/api/devices", request, null, org.queuedesk.common.auth.RegisteredDeviceDto.class);
    }

    public org.queuedesk.common.auth.DeviceDto revokeDevice(long deviceId) throws IOException, InterruptedException, ApiException {
        return postFor("/api/devices/" + deviceId + "/revoke", null, null, org.queuedesk.common.auth.DeviceDto.class);
    }

    /** The latest audit entries, newest first (the server gives 1 to 1000). */
    public List<AuditEntry> audit(int limit) throws IOException, InterruptedException, ApiException {
        return send(getRequest("/api/audit?limit=" + limit), listOf(AuditEntry.class));
    }

    public org.queuedesk.common.notify.SmsSiteSettingsDto smsSettings(long siteId)
            throws IOException, InterruptedException, ApiException {
        return get("/api/sites/" + siteId + "/sms-settings", org.queuedesk.common.notify.SmsSiteSettingsDto.class);
    }

    public org.queuedesk.common.notify.SmsSiteSettingsDto setSmsSettings(long siteId,
            org.queuedesk.common.notify.SmsSiteSettingsDto settings) throws IOException, InterruptedException, ApiException {
        return postFor("/api/sites/" + siteId + "/sms-settings", settings, null,
                org.queuedesk.common.notify.SmsSiteSettingsDto.class);
    }

    public org.queuedesk.common.appointment.AppointmentSettingsDto appointmentSettings(long siteId)
            throws IOException, InterruptedException, ApiException {
        return get("/api/sites/" + siteId + "/appointment-settings",
                org.queuedesk.common.appointment.AppointmentSettingsDto.class);
    }

    public org.queuedesk.common.appointment.AppointmentSettingsDto setAppointmentSettings(long siteId,
            org.queuedesk.common.appointment.AppointmentSettingsDto settings)
            throws IOException, InterruptedException, ApiException {
        return putFor("/api/sites/" + siteId + "/appointment-settings", settings,
                org.queuedesk.common.appointment.AppointmentSettingsDto.class);
    }

    private <T> T putFor(String path, Object body, Class<T> type) throws IOException, InterruptedException, ApiException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        return send(authorized(builder, true), type(type));
    }

    /** For answers without a body (204): the same token handling as {@link #send}. */
    private void sendForNoBody(Outgoing request) throws IOException, InterruptedException, ApiException {
        try {
            send(request, json.getTypeFactory().constructType(com.fasterxml.jackson.databind.JsonNode.class));
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException emptyBody) {
            // a 2xx without a body: reading it as JSON finds nothing, which is the answer expected here
        }
    }

    // --- reports and alert thresholds (issue 14, admin mode) -------------------------------------------

    /** A report as JSON: {@code kind} is tickets, hours or appointments; dates are the site's local days. */
    public <T> T report(long siteId, String kind, java.time.LocalDate from, java.time.LocalDate to,
                        org.queuedesk.common.report.ReportPeriod by, Class<T> type)
            throws IOException, InterruptedException, ApiException {
        return get(reportPath(siteId, kind, from, to, by), type);
    }

    /** The same report as the server's CSV bytes, unchanged (UTF-8 with its byte order mark). */
    public byte[] reportCsv(long siteId, String kind, java.time.LocalDate from, java.time.LocalDate to,
                            org.queuedesk.common.report.ReportPeriod by)
            throws IOException, InterruptedException, ApiException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(reportPath(siteId, kind, from, to, by))).GET()
                .timeout(timeout).header("Accept", "text/csv");
        return send(new Outgoing(builder, true), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String reportPath(long siteId, String kind, java.time.LocalDate from, java.time.LocalDate to,
                                     org.queuedesk.common.report.ReportPeriod by) {
        return "/api/reports/sites/" + siteId + "/" + kind + "?from=" + from + "&to=" + to + "&by=" + by.wireName();
    }

    /** A site's alert thresholds (the defaults until an admin sets them). */
    public org.queuedesk.common.alert.AlertRulesDto siteAlertRules(long siteId)
            throws IOException, InterruptedException, ApiException {
        return get("/api/sites/" + siteId + "/alert-rules", org.queuedesk.common.alert.AlertRulesDto.class);
    }

    public org.queuedesk.common.alert.AlertRulesDto setSiteAlertRules(long siteId,
            org.queuedesk.common.alert.AlertRulesDto rules) throws IOException, InterruptedException, ApiException {
        return putFor("/api/sites/" + siteId + "/alert-rules", rules, org.queuedesk.common.alert.AlertRulesDto.class);
    }

    /** A service's thresholds: its own, else its site's. */
    public org.queuedesk.common.alert.AlertRulesDto serviceAlertRules(long serviceId)
            throws IOException, InterruptedException, ApiException {
        return get("/api/services/" + serviceId + "/alert-rules", org.queuedesk.common.alert.AlertRulesDto.class);
    }

    public org.queuedesk.common.alert.AlertRulesDto setServiceAlertRules(long serviceId,
            org.queuedesk.common.alert.AlertRulesDto rules) throws IOException, InterruptedException, ApiException {
        return putFor("/api/services/" + serviceId + "/alert-rules", rules,
                org.queuedesk.common.alert.AlertRulesDto.class);
    }

    // ---- issue 14: site settings, a service's prefix and almost-turn position, the audit log filtered on the server

    public org.queuedesk.common.site.SiteSettingsDto siteSettings(long siteId)
            throws IOException, InterruptedException, ApiException {
        return get("/api/sites/" + siteId + "/settings", org.queuedesk.common.site.SiteSettingsDto.class);
    }

    public org.queuedesk.common.site.SiteSettingsDto setSiteSettings(long siteId,
            org.queuedesk.common.site.SiteSettingsRequest request) throws IOException, InterruptedException, ApiException {
        return putFor("/api/sites/" + siteId + "/settings", request, org.queuedesk.common.site.SiteSettingsDto.class);
    }

    public ServiceDto setServiceSettings(long serviceId, org.queuedesk.common.site.ServiceSettingsRequest request)
            throws IOException, InterruptedException, ApiException {
        return putFor("/api/services/" + serviceId + "/settings", request, ServiceDto.class);
    }

    /**
     * A page of the audit log filtered on the server, newest first: actor exact, action exact or its family,
     * {@code from} included and {@code to} not; {@code before} the last id of the page before (null: the newest).
     */
    public List<AuditEntry> audit(String actor, String action, java.time.Instant from, java.time.Instant to, int limit,
                                  Long before) throws IOException, InterruptedException, ApiException {
        var query = new StringBuilder("/api/audit?limit=").append(limit);
        appendParam(query, "actor", actor);
        appendParam(query, "action", action);
        appendParam(query, "from", from == null ? null : from.toString());
        appendParam(query, "to", to == null ? null : to.toString());
        appendParam(query, "before", before == null ? null : before.toString());
        return send(getRequest(query.toString()), listOf(AuditEntry.class));
    }

    private static void appendParam(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
