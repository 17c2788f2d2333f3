#!/usr/bin/python3
"""Local RTSP test server for xuncha: serves pre-encoded H.264 MP4 clips, looped forever at real-time pace.

Run with the system python (/usr/bin/python3): it needs python3-gi and gir1.2-gst-rtsp-server-1.0
(plus gstreamer1.0-plugins-base/-good/-bad). Nothing is re-encoded.

  rtsp-server.py --port 8554 --mount /cam01=clip.mp4 --mount /cam02=other.mp4
  rtsp-server.py --port 0 --mounts 166 --clip clip.mp4          # /cam001 .. /cam166, one shared pipeline
  rtsp-server.py ... --auth user:pass                             # every mount answers 401 without credentials
  rtsp-server.py --port 0 --launch "/h265=videotestsrc is-live=true ! x265enc ! rtph265pay name=pay0 pt=96"
                                                                  # a live pipeline (codecs the clips do not cover)

Prints "READY port=N mounts=M" on stdout once listening (port 0 picks a free port).

Why the clip is first rewritten to an Annex-B byte stream: qtdemux cannot be looped inside a running RTSP
media without flushing seeks (which reset running time and upset clients), while a byte stream can be read
in a loop by multifilesrc. h264parse on a byte stream sets DTS but no PTS, so the stream would not be
paced; a pad probe therefore stamps PTS = DTS = frame index * frame duration, continuous across loops,
and the sinks synchronise on it. The clips are Baseline/Main without B-frames, so PTS == DTS is exact.
"""
import argparse
import hashlib
import os
import signal
import sys
import tempfile

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, default=8554, help="TCP port (0 = any free port)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on")
    p.add_argument("--mount", action="append", default=[], metavar="/PATH=FILE.mp4", help="repeatable")
    p.add_argument("--mounts", type=int, default=0, help="serve --clip on /cam01 .. /camNN")
    p.add_argument("--clip", help="clip for --mounts")
    p.add_argument("--launch", action="append", default=[], metavar="/PATH=PIPELINE",
                   help="repeatable: serve a gst-launch description whose payloader is pay0 (encoded live)")
    p.add_argument("--auth", metavar="USER:PASS", help="require HTTP basic credentials")
    p.add_argument("--cache-dir", default=None, help="where byte-stream copies of the clips go")
    p.add_argument("--parent-pid", type=int, default=0, help="exit when this process is gone (no orphan servers)")
    a = p.parse_args()
    mounts = []
    for m in a.mount:
        path, sep, clip = m.partition("=")
        if not sep or not path.startswith("/") or not clip:
            p.error("--mount expects /path=FILE, got %r" % m)
        mounts.append((path, clip, False))
    if a.mounts:
        if not a.clip:
            p.error("--mounts needs --clip")
        width = max(2, len(str(a.mounts)))
        mounts += [("/cam%0*d" % (width, i), a.clip, True) for i in range(1, a.mounts + 1)]
    launches = []
    for m in a.launch:
        path, sep, desc = m.partition("=")
        if not sep or not path.startswith("/") or "pay0" not in desc:
            p.error("--launch expects /path=PIPELINE with a payloader named pay0, got %r" % m)
        launches.append((path, desc))
    a.launches = launches
    if not mounts and not launches:
        p.error("give at least one --mount, --launch or --mounts N --clip FILE")
    for _, clip, _ in mounts:
        if not os.path.isfile(clip):
            p.error("clip not found: %s" % clip)
    if a.auth and ":" not in a.auth:
        p.error("--auth expects user:pass")
    return a, mounts


def to_byte_stream(clip, cache_dir):
    """Demuxes an MP4 clip (no re-encoding) into an Annex-B file; returns (path, fps_num, fps_den)."""
    st = os.stat(clip)
    key = hashlib.sha1(("%s|%d|%d" % (os.path.abspath(clip), st.st_size, st.st_mtime_ns)).encode()).hexdigest()[:16]
    out = os.path.join(cache_dir, "%s-%s.h264" % (os.path.splitext(os.path.basename(clip))[0], key))
    meta = out + ".fps"
    if os.path.isfile(out) and os.path.isfile(meta):
        num, den = open(meta).read().split("/")
        return out, int(num), int(den)
    tmp = out + ".part.%d" % os.getpid()
    pipe = Gst.parse_launch(
        "filesrc name=src ! qtdemux ! h264parse config-interval=-1 name=parse ! "
        "video/x-h264,stream-format=byte-stream,alignment=au ! filesink name=sink")
    pipe.get_by_name("src").set_property("location", clip)
    pipe.get_by_name("sink").set_property("location", tmp)
    pipe.set_state(Gst.State.PLAYING)
    msg = pipe.get_bus().timed_pop_filtered(120 * Gst.SECOND, Gst.MessageType.EOS | Gst.MessageType.ERROR)
    caps = pipe.get_by_name("parse").get_static_pad("src").get_current_caps()
    pipe.set_state(Gst.State.NULL)
    if msg is None or msg.type == Gst.MessageType.ERROR:
        detail = msg.parse_error()[0].message if msg else "timed out"
        sys.exit("rtsp-server: cannot read H.264 from %s: %s" % (clip, detail))
    ok, num, den = caps.get_structure(0).get_fraction("framerate") if caps else (False, 0, 1)
    if not ok or num <= 0:
        num, den = 25, 1  # a clip without a frame rate is paced at 25 fps rather than not at all
    os.replace(tmp, out)
    with open(meta, "w") as f:
        f.write("%d/%d" % (num, den))
    return out, num, den


class LoopingClipFactory(GstRtspServer.RTSPMediaFactory):
    """Shared media reading one byte-stream file in a loop, restamped so that it plays in real time."""

    def __init__(self, stream_file, fps_num, fps_den, share_key=None):
        super().__init__()
        self.stream_file = stream_file
        self.share_key = share_key
        self.frame_ns = Gst.util_uint64_scale(Gst.SECOND, fps_den, fps_num)
        self.set_shared(True)

    def do_gen_key(self, url):
        # Shared media are cached per key, by default the request URL. Mounts created by --mounts N hand out one
        # key, so they all feed from ONE pipeline: a pipeline costs ~1 % of a core at 25 fps, its clients ~0.2 %.
        if self.share_key:
            return self.share_key
        return "%s:%s" % (url.abspath, url.query or "")

    def do_create_element(self, url):
        desc = ("( multifilesrc name=src loop=true caps=video/x-h264,stream-format=byte-stream ! "
                "h264parse name=parse ! video/x-h264,stream-format=byte-stream,alignment=au ! "
                "rtph264pay name=pay0 pt=96 config-interval=-1 mtu=8000 )")
        bin_ = Gst.parse_launch(desc)
        bin_.get_by_name("src").set_property("location", self.stream_file)
        counter = [0]
        frame_ns = self.frame_ns

        def stamp(pad, info):
            buf = info.get_buffer()
            t = counter[0] * frame_ns
            buf.pts = t
            buf.dts = t
            buf.duration = frame_ns
            counter[0] += 1
            return Gst.PadProbeReturn.OK

        bin_.get_by_name("parse").get_static_pad("src").add_probe(Gst.PadProbeType.BUFFER, stamp)
        return bin_


def make_auth(user_pass, factories):
    user, _, password = user_pass.partition(":")
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "user")
    auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
    for f in factories:
        perms = GstRtspServer.RTSPPermissions()
        perms.add_role_from_structure(Gst.Structure.new_from_string(
            "user, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"))
        f.set_permissions(perms)
    return auth


def parent_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def main():
    args, mounts = parse_args()
    Gst.init(None)
    cache_dir = args.cache_dir or os.path.join(tempfile.gettempdir(), "xuncha-rtsp-cache")
    os.makedirs(cache_dir, exist_ok=True)
    streams = {}
    server = GstRtspServer.RTSPServer()
    server.set_address(args.host)
    server.set_service(str(args.port))
    mount_points = server.get_mount_points()
    factories = []
    shared_factories = {}
    for path, clip, shared in mounts:
        if clip not in streams:
            streams[clip] = to_byte_stream(clip, cache_dir)
        if shared:
            # the media cache lives in the factory, so sharing a pipeline means sharing the factory too
            if clip not in shared_factories:
                shared_factories[clip] = LoopingClipFactory(*streams[clip], share_key="shared:" + clip)
                factories.append(shared_factories[clip])
            f = shared_factories[clip]
        else:
            f = LoopingClipFactory(*streams[clip])
            factories.append(f)
        mount_points.add_factory(path, f)
    for path, desc in args.launches:
        f = GstRtspServer.RTSPMediaFactory()
        f.set_launch("( %s )" % desc)
        f.set_shared(True)
        factories.append(f)
        mount_points.add_factory(path, f)
    if args.auth:
        server.set_auth(make_auth(args.auth, factories))
    if server.attach(None) == 0:
        sys.exit("rtsp-server: cannot listen on %s:%d" % (args.host, args.port))
    loop = GLib.MainLoop()
    # terminate cleanly on SIGTERM/SIGINT so the Java wrapper's stop() leaves no zombie pipelines
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    # clean expired sessions regularly: killed clients would otherwise keep shared media alive
    GLib.timeout_add_seconds(2, lambda: server.get_session_pool().cleanup() >= 0)
    if args.parent_pid:
        GLib.timeout_add_seconds(1, lambda: parent_alive(args.parent_pid) or loop.quit())
    print("READY port=%d mounts=%d" % (server.get_bound_port(), len(mounts) + len(args.launches)), flush=True)
    loop.run()


if __name__ == "__main__":
    main()
