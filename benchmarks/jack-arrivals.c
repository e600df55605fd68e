/* jack-arrivals: a JACK MIDI receiver that writes every message it gets with its JACK frame time.
 *
 *   jack-arrivals OUTFILE [CLIENT [PORT]]     (defaults: midi-monitor, input)
 *   gcc -O2 -Wall -o jack-arrivals jack-arrivals.c -ljack -lpthread
 *
 * Used by play-timing.sh and play-drift.sh (through jack-bench.sh), which compile it into their temporary
 * folder. jack_midi_dump is not enough: its -a counts frames from its own start (a sum of period sizes, not
 * JACK's frame time) and it drops events without a word when its ring is full.
 *
 * OUTFILE gets a header line "# rate R period P", then one line a message:
 *   FRAME USECS SIZE HEX...
 * FRAME = jack_last_frame_time() + the event's offset in the period, what a JACK client uses to place the
 * event; USECS = CLOCK_MONOTONIC in µs when the cycle's callback started, to tell a slip of JACK's frame
 * clock against the system clock (the dummy driver restarts its clock after an xrun) from a late send;
 * a line "# gap FRAME skipped N usecs U" where a cycle's frame time was not the last one's plus its length (JACK
 * skipped N frames, as the dummy driver does after an xrun), and, after SIGTERM or SIGINT, a trailer line
 *   # end received N dropped D xruns X gaps G
 * (a message longer than MAX_BYTES bytes is written with its real SIZE and its first MAX_BYTES bytes);
 * dropped: messages that did not fit the ring, which the analysis reports as missing;
 * xruns: calls of the client's xrun callback; gaps: the gap lines. The process callback only copies into
 * a lock-free ring, so that the receiver itself does not make the cycle late; the main thread writes.
 */
#include <errno.h>
#include <time.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jack/jack.h>
#include <jack/midiport.h>
#include <jack/ringbuffer.h>

#define MAX_BYTES 12
#define RING_RECORDS 65536  /* 1.1 MB: minutes of the benchmark's 130 messages a second even if the writer stalls */

typedef struct {
    uint64_t usecs; /* CLOCK_MONOTONIC at the start of the process callback */
    uint32_t frame;
    uint32_t size;  /* the event's real size (at most MAX_BYTES of it are kept); 0 marks a gap */
    union { uint8_t bytes[MAX_BYTES]; int32_t skipped; };
} record_t;

static jack_client_t *client;
static jack_port_t *port;
static jack_ringbuffer_t *ring;
static volatile sig_atomic_t stop;
/* Written by the process thread only, read by the main thread after deactivation (and for nothing else). */
static volatile uint64_t received, dropped, gaps;
static volatile uint32_t xruns;
static uint32_t next_expected;
static int have_expected;

static int on_process(jack_nframes_t nframes, void *arg) {
    (void)arg;
    jack_nframes_t start = jack_last_frame_time(client);
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    uint64_t usecs = (uint64_t)now.tv_sec * 1000000u + (uint64_t)now.tv_nsec / 1000u;
    if (have_expected && start != next_expected) {
        gaps++;
        record_t g = { .usecs = usecs, .frame = start, .size = 0, .skipped = (int32_t)(start - next_expected) };
        if (jack_ringbuffer_write_space(ring) >= sizeof g) jack_ringbuffer_write(ring, (const char *)&g, sizeof g);
    }
    next_expected = start + nframes;
    have_expected = 1;
    void *buffer = jack_port_get_buffer(port, nframes);
    uint32_t count = jack_midi_get_event_count(buffer);
    for (uint32_t i = 0; i < count; i++) {
        jack_midi_event_t event;
        if (jack_midi_event_get(&event, buffer, i) != 0) continue;
        received++;
        record_t r;
        r.usecs = usecs;
        r.frame = start + event.time;
        r.size = (uint32_t)event.size;
        memset(r.bytes, 0, sizeof r.bytes);
        memcpy(r.bytes, event.buffer, event.size < MAX_BYTES ? event.size : MAX_BYTES);
        if (jack_ringbuffer_write_space(ring) < sizeof r) { dropped++; continue; }
        jack_ringbuffer_write(ring, (const char *)&r, sizeof r);
    }
    return 0;
}

static int on_xrun(void *arg) { (void)arg; xruns++; return 0; }

static void on_signal(int sig) { (void)sig; stop = 1; }

static void drain(FILE *out) {
    record_t r;
    while (jack_ringbuffer_read_space(ring) >= sizeof r) {
        jack_ringbuffer_read(ring, (char *)&r, sizeof r);
        if (r.size == 0) { fprintf(out, "# gap %u skipped %d usecs %llu\n", r.frame, r.skipped, (unsigned long long)r.usecs); continue; }
        fprintf(out, "%u %llu %u", r.frame, (unsigned long long)r.usecs, r.size);
        for (uint32_t i = 0; i < r.size && i < MAX_BYTES; i++) fprintf(out, " %02x", r.bytes[i]);
        fputc('\n', out);
    }
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 4) { fprintf(stderr, "usage: jack-arrivals OUTFILE [CLIENT [PORT]]\n"); return 2; }
    const char *client_name = argc > 2 ? argv[2] : "midi-monitor";
    const char *port_name = argc > 3 ? argv[3] : "input";
    FILE *out = fopen(argv[1], "w");
    if (!out) { fprintf(stderr, "jack-arrivals: %s: %s\n", argv[1], strerror(errno)); return 1; }
    ring = jack_ringbuffer_create(RING_RECORDS * sizeof(record_t));
    if (!ring) { fprintf(stderr, "jack-arrivals: no memory for the ring\n"); return 1; }
    /* Locked so that the process callback never waits for a page of the ring. */
    jack_ringbuffer_mlock(ring);
    jack_status_t status;
    client = jack_client_open(client_name, JackNoStartServer | JackUseExactName, &status);
    if (!client) { fprintf(stderr, "jack-arrivals: cannot open JACK client %s (status 0x%x)\n", client_name, (unsigned)status); return 1; }
    port = jack_port_register(client, port_name, JACK_DEFAULT_MIDI_TYPE, JackPortIsInput, 0);
    if (!port) { fprintf(stderr, "jack-arrivals: cannot register port %s\n", port_name); return 1; }
    jack_set_process_callback(client, on_process, NULL);
    jack_set_xrun_callback(client, on_xrun, NULL);
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    fprintf(out, "# rate %u period %u\n", jack_get_sample_rate(client), jack_get_buffer_size(client));
    if (jack_activate(client)) { fprintf(stderr, "jack-arrivals: cannot activate the client\n"); return 1; }
    while (!stop) { drain(out); usleep(10000); }
    /* After deactivation the process callback no longer runs, so the counters and the ring are ours. */
    jack_deactivate(client);
    drain(out);
    fprintf(out, "# end received %llu dropped %llu xruns %u gaps %llu\n", (unsigned long long)received,
            (unsigned long long)dropped, (unsigned)xruns, (unsigned long long)gaps);
    fclose(out);
    jack_client_close(client);
    jack_ringbuffer_free(ring);
    return 0;
}
