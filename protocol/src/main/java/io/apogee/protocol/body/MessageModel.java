package io.apogee.protocol.body;

/** Whether every consumer of a group gets every message (broadcasting) or the group shares the queues (clustering). */
public enum MessageModel {
    BROADCASTING,
    CLUSTERING
}
