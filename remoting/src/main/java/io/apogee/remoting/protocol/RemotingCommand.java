package io.apogee.remoting.protocol;

import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.CustomHeaderCodec;
import io.apogee.remoting.header.RemotingCommandException;
import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request or response frame. The header fields mirror RocketMQ's JSON header names; the body is
 * either a byte array or, for zero-copy responses, a retained {@link ByteBuf} that the encoder writes
 * and releases.
 */
public final class RemotingCommand {
    private static final int RESPONSE_BIT = 0x1;
    private static final int ONEWAY_BIT = 0x2;
    /** One process-wide counter, as the official processes use: ids are unique per sender, not per connection. */
    private static final AtomicInteger NEXT_OPAQUE = new AtomicInteger();

    /** Protocol version we announce: the ordinal of V5_2_0 in the official MQVersion enum. */
    public static final int CURRENT_VERSION = 453;

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version = CURRENT_VERSION;
    private int opaque;
    private int flag;
    private String remark;
    private Map<String, String> extFields;
    private SerializeType serializeTypeCurrentRPC = SerializeType.JSON;
    private byte[] body;
    private ByteBuf bodyBuffer;

    public RemotingCommand() {
    }

    public static RemotingCommand request(int code, CommandCustomHeader header) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.code = code;
        cmd.opaque = nextOpaque();
        if (header != null) {
            cmd.writeCustomHeader(header);
        }
        return cmd;
    }

    /** A fresh request id from the process-wide counter. */
    public static int nextOpaque() {
        return NEXT_OPAQUE.getAndIncrement();
    }

    public static RemotingCommand request(int code) {
        return request(code, null);
    }

    /** A response to {@code request}: same opaque, response bit set. */
    public static RemotingCommand responseTo(RemotingCommand request, int code, String remark) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.code = code;
        cmd.remark = remark;
        cmd.opaque = request.opaque;
        cmd.markResponse();
        return cmd;
    }

    public static RemotingCommand responseTo(RemotingCommand request, int code, String remark, CommandCustomHeader header) {
        RemotingCommand cmd = responseTo(request, code, remark);
        if (header != null) {
            cmd.writeCustomHeader(header);
        }
        return cmd;
    }

    /** Writes every non-null field of the header into extFields, keeping any keys already present. */
    public RemotingCommand writeCustomHeader(CommandCustomHeader header) {
        if (extFields == null) {
            extFields = new HashMap<>();
        }
        CustomHeaderCodec.encode(header, extFields);
        return this;
    }

    /** Builds a typed header from extFields; a missing required field or bad number fails with its name. */
    public <T extends CommandCustomHeader> T readCustomHeader(Class<T> type) throws RemotingCommandException {
        return CustomHeaderCodec.decode(extFields, type);
    }

    public boolean isResponse() {
        return (flag & RESPONSE_BIT) != 0;
    }

    public boolean isOneway() {
        return (flag & ONEWAY_BIT) != 0;
    }

    public RemotingCommand markResponse() {
        flag |= RESPONSE_BIT;
        return this;
    }

    public RemotingCommand markOneway() {
        flag |= ONEWAY_BIT;
        return this;
    }

    public RemotingCommand addExtField(String key, String value) {
        if (extFields == null) {
            extFields = new HashMap<>();
        }
        extFields.put(key, value);
        return this;
    }

    public String extField(String key) {
        return extFields == null ? null : extFields.get(key);
    }

    public int getCode() {
        return code;
    }

    public void setCode(int code) {
        this.code = code;
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public void setLanguage(LanguageCode language) {
        this.language = language;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public int getOpaque() {
        return opaque;
    }

    public void setOpaque(int opaque) {
        this.opaque = opaque;
    }

    public int getFlag() {
        return flag;
    }

    public void setFlag(int flag) {
        this.flag = flag;
    }

    public String getRemark() {
        return remark;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }

    public Map<String, String> getExtFields() {
        return extFields;
    }

    public void setExtFields(Map<String, String> extFields) {
        this.extFields = extFields;
    }

    public SerializeType getSerializeTypeCurrentRPC() {
        return serializeTypeCurrentRPC;
    }

    public void setSerializeTypeCurrentRPC(SerializeType serializeTypeCurrentRPC) {
        this.serializeTypeCurrentRPC = serializeTypeCurrentRPC;
    }

    public byte[] getBody() {
        return body;
    }

    public RemotingCommand setBody(byte[] body) {
        this.body = body;
        return this;
    }

    /** A retained buffer sent as the body without copying; ownership passes to the encoder. */
    public ByteBuf getBodyBuffer() {
        return bodyBuffer;
    }

    public RemotingCommand setBodyBuffer(ByteBuf bodyBuffer) {
        this.bodyBuffer = bodyBuffer;
        return this;
    }

    @Override
    public String toString() {
        return "RemotingCommand[code=" + code + ", opaque=" + opaque + ", flag=" + flag
                + (remark == null ? "" : ", remark=" + remark) + ", extFields=" + extFields
                + ", bodyLength=" + (body != null ? body.length : bodyBuffer != null ? bodyBuffer.readableBytes() : 0) + "]";
    }
}
