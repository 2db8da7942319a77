package org.ratification.ledger.api.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Server-Sent Events stream.
 *
 * @param heartbeat how often an idle connection receives a comment that keeps proxies from closing it
 * @param subscriberQueue how many events may wait for one subscriber; a subscriber that falls this
 *     far behind is dropped (it reconnects with Last-Event-ID and resumes), recording never waits
 * @param senderThreads the writer threads kept ready when idle; a subscriber being written to has a
 *     thread of its own (at most {@code maxSubscribers}), so a subscriber that does not read blocks
 *     only itself, until the server's write timeout ({@code server.tomcat.connection-timeout}) ends it
 * @param catchUpTimeout how long a reconnecting subscriber may wait for the store to deliver the
 *     events it missed before it is asked to reconnect
 * @param maxSubscribers how many subscribers may be connected at once; more are refused with 503
 *     TOO_MANY_SUBSCRIBERS
 * @param maxAnonymousReplays how many subscribers without credentials may be catching up from the
 *     store ({@code lastEventId} given) at once; more are refused with 429 TOO_MANY_REPLAYS
 */
@ConfigurationProperties("ledger.stream")
public record StreamProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1000") int subscriberQueue,
        @DefaultValue("8") int senderThreads,
        @DefaultValue("10s") Duration catchUpTimeout,
        @DefaultValue("256") int maxSubscribers,
        @DefaultValue("4") int maxAnonymousReplays) {}
