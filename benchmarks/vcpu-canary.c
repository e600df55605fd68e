// vcpu-canary.c: is a CPU of this (virtual) machine unavailable for milliseconds at a time, to every task?
//
//   vcpu-canary OUT.txt [PERIOD_US=1000] [THRESHOLD_US=300] [TRACE_DIR TRIGGER_US]
//   CANARY_PRIORITY=50 (environment): the threads' SCHED_FIFO priority
//
// One thread per online CPU, pinned to it, at SCHED_FIFO CANARY_PRIORITY (refused without root or an rtprio
// limit, then it says so and runs at normal priority). 50 by default: below seq's clock thread (60), above
// jackd's (10) and its clients' (5). A canary above the clock thread preempts it while it spins, and the kernel
// then pushes the preempted thread to the other CPU: measured, that put it on a vCPU the hypervisor had stopped
// for 100 ms, so a canary above seq makes seq's stalls worse than they are. Each wakes every
// PERIOD_US on absolute CLOCK_MONOTONIC deadlines (clock_nanosleep TIMER_ABSTIME; an RT task has no timer
// slack) and measures how late it woke. A wake later than THRESHOLD_US becomes a line of OUT.txt:
//
//   cpu deadline_s late_us run_delay_us
//
// deadline_s is the CLOCK_MONOTONIC second the wake was due (seq's --timing-report uses the same clock);
// run_delay_us is how much of the lateness the thread spent runnable in the guest's run queue
// (/proc/thread-self/schedstat, field 2). Only seq's clock thread (a send and at most a 1.5 ms spin) outranks it:
//   - late with run_delay ~ late: it was woken on time but its CPU did not switch to it (a non-preemptible
//     stretch of the guest kernel: this kernel runs with preempt=none);
//   - late with run_delay ~ 0: the wake itself came late: the timer interrupt was not taken, i.e. the vCPU
//     was not running (the hypervisor had it descheduled) or had interrupts off that long.
// SIGTERM or SIGINT ends it; the last line is "# cpu N: wakes W, late L, max M us" per CPU.
//
// With TRACE_DIR (tracefs instances the caller set up, DIR_A:DIR_B, both recording the same events on trace_clock
// mono), a wake later than TRIGGER_US makes it save one instance's ring buffer 50 ms later to OUT.txt.trace-N
// (that instance paused while it copies, then cleared and restarted; the instances take turns, so the other one
// records through the copy): what every CPU did around the stall, at most one copy a second, 150 in all.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_EVENTS 200000
#define MAX_CPUS 64

struct event { int cpu; long long deadline_ns; long long late_ns; long long run_delay_ns; };
struct worker { int cpu; pthread_t thread; long long wakes, late, max_ns; int realtime; };

static struct event events[MAX_EVENTS];
static volatile int n_events;
static pthread_mutex_t events_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile sig_atomic_t stopping;
static long long period_ns = 1000000, threshold_ns = 300000, trigger_ns = -1;
static const char *trace_dir, *out_name;
static char trace_dirs[2][2048];
static pthread_mutex_t trigger_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t trigger_cond = PTHREAD_COND_INITIALIZER;
static int triggered, captures, priority = 50;

static void write_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_TRUNC);
  if (fd >= 0) { if (write(fd, text, strlen(text)) < 0) {} close(fd); }
}

// Normal priority: waits for a trigger, lets the stall's aftermath into the buffer, then copies it.
static void *capture(void *arg) {
  (void)arg;
  char path[4096], out[4096], buf[1 << 16];
  int turn = 0;
  while (1) {
    pthread_mutex_lock(&trigger_lock);
    while (!triggered && !stopping) pthread_cond_wait(&trigger_cond, &trigger_lock);
    triggered = 0;
    pthread_mutex_unlock(&trigger_lock);
    if (stopping) return NULL;
    usleep(50000);
    const char *dir = trace_dirs[turn];
    turn = trace_dirs[1][0] ? 1 - turn : 0;
    snprintf(path, sizeof path, "%s/tracing_on", dir);
    write_file(path, "0");
    snprintf(path, sizeof path, "%s/trace", dir);
    snprintf(out, sizeof out, "%s.trace-%d", out_name, ++captures);
    int in = open(path, O_RDONLY), to = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ssize_t n;
    while (in >= 0 && to >= 0 && (n = read(in, buf, sizeof buf)) > 0) { if (write(to, buf, n) < 0) break; }
    if (in >= 0) close(in);
    if (to >= 0) close(to);
    write_file(path, "");
    snprintf(path, sizeof path, "%s/tracing_on", dir);
    write_file(path, "1");
    if (captures >= 150) return NULL;
    sleep(1);
  }
}

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static long long run_delay(int fd) {
  char buf[128];
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return -1;
  buf[n] = 0;
  unsigned long long on_cpu, waiting;
  return sscanf(buf, "%llu %llu", &on_cpu, &waiting) == 2 ? (long long)waiting : -1;
}

static void *run(void *arg) {
  struct worker *w = arg;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(w->cpu, &set);
  pthread_setaffinity_np(pthread_self(), sizeof set, &set);
  struct sched_param p = { .sched_priority = priority };
  w->realtime = pthread_setschedparam(pthread_self(), SCHED_FIFO, &p) == 0;
  int fd = open("/proc/thread-self/schedstat", O_RDONLY);
  long long deadline = now_ns() + period_ns;
  long long delay_before = run_delay(fd);
  while (!stopping) {
    struct timespec t = { deadline / 1000000000LL, deadline % 1000000000LL };
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) == EINTR && !stopping) {}
    long long late = now_ns() - deadline;
    long long delay_after = run_delay(fd);
    w->wakes++;
    if (late > w->max_ns) w->max_ns = late;
    if (late > threshold_ns) {
      w->late++;
      pthread_mutex_lock(&events_lock);
      if (n_events < MAX_EVENTS) events[n_events++] = (struct event){ w->cpu, deadline, late, delay_after - delay_before };
      pthread_mutex_unlock(&events_lock);
      if (trigger_ns >= 0 && late > trigger_ns) {
        pthread_mutex_lock(&trigger_lock);
        triggered = 1;
        pthread_cond_signal(&trigger_cond);
        pthread_mutex_unlock(&trigger_lock);
      }
    }
    delay_before = delay_after;
    deadline += period_ns;
    // After a long stall, wake on the next period from now instead of catching up with a burst.
    long long now = now_ns();
    if (deadline < now) deadline += ((now - deadline) / period_ns + 1) * period_ns;
  }
  return NULL;
}

static void on_signal(int sig) { (void)sig; stopping = 1; }

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: vcpu-canary OUT.txt [PERIOD_US] [THRESHOLD_US]\n"); return 2; }
  if (argc > 2) period_ns = atoll(argv[2]) * 1000LL;
  if (argc > 3) threshold_ns = atoll(argv[3]) * 1000LL;
  if (argc > 5) {
    trace_dir = argv[4];
    trigger_ns = atoll(argv[5]) * 1000LL;
    const char *colon = strchr(trace_dir, ':');
    size_t first = colon ? (size_t)(colon - trace_dir) : strlen(trace_dir);
    snprintf(trace_dirs[0], sizeof trace_dirs[0], "%.*s", (int)first, trace_dir);
    if (colon) snprintf(trace_dirs[1], sizeof trace_dirs[1], "%s", colon + 1);
  }
  out_name = argv[1];
  if (getenv("CANARY_PRIORITY")) priority = atoi(getenv("CANARY_PRIORITY"));
  FILE *out = fopen(argv[1], "w");
  if (!out) { perror(argv[1]); return 1; }
  struct sigaction sa = { .sa_handler = on_signal };
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  cpu_set_t online;
  sched_getaffinity(0, sizeof online, &online);
  static struct worker workers[MAX_CPUS];
  int n = 0;
  for (int cpu = 0; cpu < MAX_CPUS; cpu++) {
    if (!CPU_ISSET(cpu, &online)) continue;
    workers[n].cpu = cpu;
    pthread_create(&workers[n].thread, NULL, run, &workers[n]);
    n++;
  }
  pthread_t capturer;
  if (trace_dir) pthread_create(&capturer, NULL, capture, NULL);
  for (int i = 0; i < n; i++) pthread_join(workers[i].thread, NULL);
  if (trace_dir) {
    pthread_mutex_lock(&trigger_lock);
    pthread_cond_signal(&trigger_cond);
    pthread_mutex_unlock(&trigger_lock);
    pthread_join(capturer, NULL);
  }
  for (int i = 0; i < n_events; i++)
    fprintf(out, "%d %.9f %.1f %.1f\n", events[i].cpu, events[i].deadline_ns / 1e9, events[i].late_ns / 1e3,
            events[i].run_delay_ns / 1e3);
  for (int i = 0; i < n; i++)
    fprintf(out, "# cpu %d: %s %d, period %lld us, wakes %lld, late (> %lld us) %lld, max %.1f us\n", workers[i].cpu,
            workers[i].realtime ? "SCHED_FIFO" : "NOT real-time (refused)", priority, period_ns / 1000, workers[i].wakes,
            threshold_ns / 1000, workers[i].late, workers[i].max_ns / 1e3);
  fclose(out);
  return 0;
}
