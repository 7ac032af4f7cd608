package io.apogee.remoting.protocol;

/** How a frame's header is encoded: the high byte of the header-length word. */
public enum SerializeType {
    JSON((byte) 0),
    ROCKETMQ((byte) 1);

    private final byte code;

    SerializeType(byte code) {
        this.code = code;
    }

    public byte code() {
        return code;
    }

    public static SerializeType valueOf(byte code) {
        for (SerializeType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
