package cn.xuncha.ingest.rtsp;

/** What the RTP payload formats of H.264 (RFC 6184) and H.265 (RFC 7798) differ in: NAL header and type numbers. */
enum NalCodec {
    H264(1, 24, 28) {
        @Override int type(byte[] b, int off) { return b[off] & 0x1f; }
        @Override boolean vcl(int type) { return type >= 1 && type <= 5; }
        @Override boolean keyframe(int type) { return type == 5; }
        @Override boolean parameterSet(int type) { return type == 7 || type == 8; }
        @Override int fragmentHeaderBytes() { return 2; }
        @Override void writeFragmentedHeader(byte[] p, int off, ByteSink out) {
            out.put((byte) ((p[off] & 0xe0) | (p[off + 1] & 0x1f)));
        }
        @Override int fragmentType(byte[] p, int off) { return p[off + 1] & 0x1f; }
        @Override int fragmentFlags(byte[] p, int off) { return p[off + 1] & 0xff; }
    },
    H265(2, 48, 49) {
        @Override int type(byte[] b, int off) { return (b[off] >> 1) & 0x3f; }
        @Override boolean vcl(int type) { return type < 32; }
        @Override boolean keyframe(int type) { return type >= 16 && type <= 21; }
        @Override boolean parameterSet(int type) { return type >= 32 && type <= 34; }
        @Override int fragmentHeaderBytes() { return 3; }
        @Override void writeFragmentedHeader(byte[] p, int off, ByteSink out) {
            out.put((byte) ((p[off] & 0x81) | ((p[off + 2] & 0x3f) << 1)));
            out.put(p[off + 1]);
        }
        @Override int fragmentType(byte[] p, int off) { return p[off + 2] & 0x3f; }
        @Override int fragmentFlags(byte[] p, int off) { return p[off + 2] & 0xff; }
    };

    final int headerBytes;
    final int aggregateType;
    final int fragmentType;

    NalCodec(int headerBytes, int aggregateType, int fragmentType) {
        this.headerBytes = headerBytes;
        this.aggregateType = aggregateType;
        this.fragmentType = fragmentType;
    }

    static NalCodec forSdp(String codec) {
        return "H265".equals(codec) ? H265 : H264;
    }

    abstract int type(byte[] b, int off);

    abstract boolean vcl(int type);

    abstract boolean keyframe(int type);

    abstract boolean parameterSet(int type);

    /** Payload header plus FU header. */
    abstract int fragmentHeaderBytes();

    /** The original NAL header of a fragmented unit, rebuilt from the payload and FU headers. */
    abstract void writeFragmentedHeader(byte[] p, int off, ByteSink out);

    /** NAL type carried in the FU header. */
    abstract int fragmentType(byte[] p, int off);

    /** FU header byte: 0x80 start, 0x40 end. */
    abstract int fragmentFlags(byte[] p, int off);
}
