package io.apogee.server;

import io.apogee.remoting.protocol.RemotingCommand;
import picocli.CommandLine.IVersionProvider;

/** {@code apogee --version}: our build version and the RocketMQ protocol version we announce. */
final class ApogeeVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ApogeeVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "Apogee " + (version == null ? "development build" : version),
            "RocketMQ remoting protocol version " + RemotingCommand.CURRENT_VERSION + " (V5_2_0)",
        };
    }
}
