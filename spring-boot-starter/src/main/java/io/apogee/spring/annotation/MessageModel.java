package io.apogee.spring.annotation;

/** How the consumers of one group share a topic. */
public enum MessageModel {
    /** Each message goes to one consumer of the group; offsets are kept on the brokers. */
    CLUSTERING,
    /** Each message goes to every consumer of the group; offsets are kept in a local file. */
    BROADCASTING;

    /** The client's equivalent. */
    public io.apogee.protocol.body.MessageModel toClientModel() {
        return io.apogee.protocol.body.MessageModel.valueOf(name());
    }
}
