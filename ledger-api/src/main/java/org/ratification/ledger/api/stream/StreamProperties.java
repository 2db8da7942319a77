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
 * @param senderThreads the threads that write to subscribers, shared by all of them
 * @param catchUpTimeout how long a reconnecting subscriber may wait for the store to deliver the
 *     events it missed before it is asked to reconnect
 */
@ConfigurationProperties("ledger.stream")
public record StreamProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1000") int subscriberQueue,
        @DefaultValue("8") int senderThreads,
        @DefaultValue("10s") Duration catchUpTimeout) {}
