package io.apogee.protocol;

/** Legacy tag-filter flag carried in every topic config; brokers ignore it but must echo it. */
public enum TopicFilterType {
    SINGLE_TAG, MULTI_TAG
}
