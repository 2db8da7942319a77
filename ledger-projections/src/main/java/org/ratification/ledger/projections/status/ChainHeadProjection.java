package org.ratification.ledger.projections.status;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps each treaty's chain head from the {@code hash} metadata of its records. In the status
 * processing group, inline: the head commits together with the event and its status rows.
 */
@Component
@ProcessingGroup(StatusProjection.NAME)
public class ChainHeadProjection {

    private final ChainHeads heads;

    public ChainHeadProjection(ChainHeads heads) {
        this.heads = heads;
    }

    @EventHandler
    void on(TreatyEvent event, @SequenceNumber long sequence, @MetaDataValue(RecordingMetadata.HASH) String hash) {
        if (hash != null) {
            heads.advance(event.treatyId(), sequence, hash);
        }
    }

    @ResetHandler
    void reset() {
        heads.deleteAll();
    }
}
