package org.queuedesk.desktop.live;

import java.util.List;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.TicketDto;

/**
 * Everything a desk shows, read in one go: {@code seq} is the last event the server had logged when the
 * status was read, so every change after it arrives as an event with a larger sequence number.
 */
public record SiteSnapshot(long seq, SiteDto site, List<ServiceDto> services, List<RoomDto> rooms,
                           QueueStatusDto status, List<TicketDto> tickets) {

    public SiteSnapshot {
        services = List.copyOf(services);
        rooms = List.copyOf(rooms);
        tickets = List.copyOf(tickets);
    }
}
