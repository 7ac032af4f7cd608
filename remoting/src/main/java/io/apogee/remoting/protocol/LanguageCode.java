package io.apogee.remoting.protocol;

/** The sender's implementation language; travels as its name in JSON headers and as its ordinal byte in binary ones. */
public enum LanguageCode {
    JAVA, CPP, DOTNET, PYTHON, DELPHI, ERLANG, RUBY, OTHER, HTTP, GO, PHP, OMS, RUST;

    private static final LanguageCode[] BY_CODE = values();

    public byte code() {
        return (byte) ordinal();
    }

    /** Unknown codes decode as null, as the official decoder does, rather than failing the frame. */
    public static LanguageCode valueOf(byte code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
