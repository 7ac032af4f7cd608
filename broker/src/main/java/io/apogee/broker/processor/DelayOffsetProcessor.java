package io.apogee.broker.processor;

import io.apogee.broker.schedule.DelayOffsetTable;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;

/** GET_ALL_DELAY_OFFSET: the delay levels' delivery progress, in delayOffset.json's shape, for slaves to copy. */
public final class DelayOffsetProcessor implements SyncProcessor {
    private final DelayOffsetTable delayOffsets;

    public DelayOffsetProcessor(DelayOffsetTable delayOffsets) {
        this.delayOffsets = delayOffsets;
    }

    @Override
    public RemotingCommand handle(Channel channel, RemotingCommand request) {
        return Responses.json(request, delayOffsets.snapshot());
    }
}
