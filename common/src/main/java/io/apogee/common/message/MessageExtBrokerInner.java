package io.apogee.common.message;

/**
 * The form the broker hands to the store: a {@link MessageExt} whose properties are already
 * rendered to the wire string (the store writes that string verbatim) plus the consume-queue tag code.
 */
public class MessageExtBrokerInner extends MessageExt {
    private String propertiesString;
    private long tagsCode;

    public String getPropertiesString() {
        return propertiesString;
    }

    public void setPropertiesString(String propertiesString) {
        this.propertiesString = propertiesString;
    }

    public long getTagsCode() {
        return tagsCode;
    }

    public void setTagsCode(long tagsCode) {
        this.tagsCode = tagsCode;
    }

    /** Renders the current property map into {@link #getPropertiesString()}. */
    public void syncPropertiesString() {
        this.propertiesString = MessageProperties.encode(getProperties());
    }

    /** The consume-queue tag code: the Java hash of the tag string, 0 without a tag (message.md §8). */
    public static long tagsString2tagsCode(String tags) {
        return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
    }
}
