package net.twampagent.netconf.function;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.dom.DOMResult;
import net.twampagent.dataplane.state.ServerEvent;
import net.twampagent.netconf.mapping.EventMapper;
import net.twampagent.netconf.notifications.NotificationHub;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.NotificationDefinition;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the dataplane's events as the model's notifications ({@code connection-closed},
 * {@code session-ended}). Events arrive on the dataplane's control thread, which must never wait: they go into a
 * bounded queue and one thread of this notifier maps and sends them. A token bucket bounds what subscribers get;
 * events beyond it, or beyond the queue, are dropped and counted, and the count is logged when sending resumes
 * (the model's notifications have no leaf for it).
 */
final class EventNotifier implements Consumer<ServerEvent>, AutoCloseable {
    /** Notifications a second, on average, and at once. */
    static final int RATE = 50;
    static final int BURST = 100;
    private static final int QUEUE = 1024;
    /** At most one log line about suppressed events in this long, so the log is not flooded instead. */
    private static final long REPORT_NANOS = 10_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(EventNotifier.class);
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    static {
        OUTPUT.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, Boolean.TRUE);
    }

    private final EffectiveModelContext context;
    private final EventMapper mapper = new EventMapper();
    private final BlockingQueue<ServerEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final TokenBucket bucket;
    private final int rate;
    private final int burst;
    private final Thread sender;
    private volatile NotificationHub hub;

    EventNotifier(final EffectiveModelContext context, final int rate, final int burst) {
        this.context = requireNonNull(context);
        this.bucket = new TokenBucket(rate, burst, System::nanoTime);
        this.rate = rate;
        this.burst = burst;
        this.sender = Thread.ofPlatform().daemon().name("twamp-notifications").unstarted(this::run);
        sender.start();
    }

    /** Where notifications go from now on; before, events are dropped (nobody can have subscribed). */
    void publishTo(final NotificationHub target) {
        hub = requireNonNull(target);
    }

    /** Events suppressed since the start, by the rate limit or a full queue. */
    long suppressed() {
        return suppressed.get();
    }

    /** Events sent as notifications since the start. */
    long published() {
        return published.get();
    }

    @Override
    public void accept(final ServerEvent event) {
        if (!queue.offer(event)) {
            suppressed.incrementAndGet();
        }
    }

    @Override
    public void close() {
        sender.interrupt();
    }

    private void run() {
        long reported = 0;
        long reportedAt = System.nanoTime() - REPORT_NANOS;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                final var event = queue.take();
                final var target = hub;
                final var body = mapper.map(event);
                if (target == null || body.isEmpty()) {
                    continue;
                }
                if (!bucket.tryTake()) {
                    suppressed.incrementAndGet();
                    continue;
                }
                final long dropped = suppressed.get();
                if (dropped != reported && System.nanoTime() - reportedAt >= REPORT_NANOS) {
                    LOG.warn("{} dataplane events were not sent as notifications so far (rate limit: {} a second, "
                        + "bursts of {})", dropped, rate, burst);
                    reported = dropped;
                    reportedAt = System.nanoTime();
                }
                publish(target, body.orElseThrow());
                published.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void publish(final NotificationHub target, final ContainerNode body) {
        try {
            target.publish(element(body));
        } catch (RuntimeException e) {
            LOG.warn("A dataplane notification could not be sent: {}", e.toString());
        }
    }

    private NotificationDefinition notification(final QName name) {
        return context.findModule(name.getModule()).orElseThrow().getNotifications().stream()
            .filter(n -> n.getQName().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalStateException("the model has no notification " + name));
    }

    /** The notification's element with its leaves, written by yangtools against the model. */
    private org.w3c.dom.Element element(final ContainerNode body) {
        final var doc = XmlUtil.newDocument();
        final var name = body.name().getNodeType();
        try {
            final var xml = OUTPUT.createXMLStreamWriter(new DOMResult(doc));
            xml.writeStartElement("", name.getLocalName(), name.getNamespace().toString());
            xml.writeDefaultNamespace(name.getNamespace().toString());
            final var writer = NormalizedNodeWriter.forStreamWriter(
                XMLStreamNormalizedNodeStreamWriter.create(xml, context, Absolute.of(name)));
            // In the model's order, as every reply of the agent: the same event always reads the same.
            for (var schema : notification(name).getChildNodes()) {
                final var child = body.childByArg(new NodeIdentifier(schema.getQName()));
                if (child != null) {
                    writer.write(child);
                }
            }
            writer.flush();
            xml.writeEndElement();
            xml.flush();
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("cannot write the notification " + name.getLocalName(), e);
        }
        return doc.getDocumentElement();
    }
}
