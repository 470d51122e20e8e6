package net.twampagent.netconf.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.netconf.api.NamespaceURN;
import org.opendaylight.netconf.api.NetconfSession;
import org.opendaylight.netconf.api.messages.NetconfMessage;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.opendaylight.netconf.server.spi.SubtreeFilter;
import org.opendaylight.netconf.api.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The NETCONF event stream of RFC 5277: sessions that created a subscription get every notification (through
 * their subtree filter, if any), with {@code eventTime} first as the RFC's schema requires.
 */
public final class NotificationHub {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationHub.class);

    /** One subscriber: its session and its filter, or {@code null}. */
    private record Subscription(NetconfSession session, Element filter) {
    }

    private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();

    /**
     * Subscribes a session.
     *
     * @return false if the session already has a subscription
     */
    public boolean subscribe(final long sessionId, final NetconfSession session, final Element filter) {
        return subscriptions.putIfAbsent(sessionId, new Subscription(session, filter)) == null;
    }

    public void unsubscribe(final long sessionId) {
        subscriptions.remove(sessionId);
    }

    /** Sends a notification whose content is {@code body} (imported) to every subscriber. */
    public void publish(final Element body) {
        final var time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
        for (var subscription : subscriptions.values()) {
            final var doc = envelope(body, time);
            final Document filtered;
            try {
                filtered = subscription.filter() == null ? doc : filter(subscription.filter(), doc, time);
            } catch (org.opendaylight.netconf.api.DocumentedException e) {
                LOG.warn("A subscription's filter cannot be applied: {}", e.getMessage());
                continue;
            }
            if (filtered != null) {
                subscription.session().sendMessage(new NetconfMessage(filtered));
            }
        }
    }

    /** ODL's subtree filter drops eventTime and the envelope; put them back around what it kept. */
    private static Document filter(final Element filter, final Document notification, final String time)
            throws org.opendaylight.netconf.api.DocumentedException {
        final var kept = SubtreeFilter.applySubtreeNotificationFilter(XmlElement.fromDomElement(filter),
            (Document) notification.cloneNode(true));
        return kept.isEmpty() ? null : envelope(kept.orElseThrow().getDocumentElement(), time);
    }

    /** A {@code <notification>} holding {@code eventTime} first, then the content. */
    private static Document envelope(final Element content, final String time) {
        final var doc = XmlUtil.newDocument();
        final var notification = doc.createElementNS(NamespaceURN.NOTIFICATION, "notification");
        final var eventTime = doc.createElementNS(NamespaceURN.NOTIFICATION, "eventTime");
        eventTime.setTextContent(time);
        notification.appendChild(eventTime);
        notification.appendChild(doc.importNode(content, true));
        doc.appendChild(notification);
        return doc;
    }
}
