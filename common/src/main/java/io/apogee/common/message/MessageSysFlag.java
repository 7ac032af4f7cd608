package io.apogee.common.message;

/** Bits of a stored message's SYSFLAG field (message.md §2). */
public final class MessageSysFlag {
    public static final int COMPRESSED_FLAG = 0x1;
    public static final int MULTI_TAGS_FLAG = 0x1 << 1;
    public static final int TRANSACTION_NOT_TYPE = 0;
    public static final int TRANSACTION_PREPARED_TYPE = 0x1 << 2;
    public static final int TRANSACTION_COMMIT_TYPE = 0x2 << 2;
    public static final int TRANSACTION_ROLLBACK_TYPE = 0x3 << 2;
    public static final int BORNHOST_V6_FLAG = 0x1 << 4;
    public static final int STOREHOSTADDRESS_V6_FLAG = 0x1 << 5;
    public static final int NEED_UNWRAP_FLAG = 0x1 << 6;
    public static final int INNER_BATCH_FLAG = 0x1 << 7;

    public static final int COMPRESSION_TYPE_MASK = 0x7 << 8;
    public static final int COMPRESSION_LZ4_TYPE = 0x1 << 8;
    public static final int COMPRESSION_ZSTD_TYPE = 0x2 << 8;
    public static final int COMPRESSION_ZLIB_TYPE = 0x3 << 8;

    private static final int TRANSACTION_TYPE_MASK = 0x3 << 2;

    private MessageSysFlag() {
    }

    public static int getTransactionValue(int flag) {
        return flag & TRANSACTION_TYPE_MASK;
    }

    public static int resetTransactionValue(int flag, int type) {
        return (flag & ~TRANSACTION_TYPE_MASK) | type;
    }

    public static boolean isCompressed(int flag) {
        return (flag & COMPRESSED_FLAG) != 0;
    }

    /** 0 with the compressed bit set means ZLIB: old producers wrote no type. */
    public static int getCompressionType(int flag) {
        int type = flag & COMPRESSION_TYPE_MASK;
        return type == 0 ? COMPRESSION_ZLIB_TYPE : type;
    }

    public static boolean isBornHostV6(int flag) {
        return (flag & BORNHOST_V6_FLAG) != 0;
    }

    public static boolean isStoreHostV6(int flag) {
        return (flag & STOREHOSTADDRESS_V6_FLAG) != 0;
    }
}
