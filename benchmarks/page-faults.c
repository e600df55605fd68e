// What a fresh page of memory costs on this machine: maps 40 MB of anonymous memory and touches it a page at a
// time, after asking the kernel to fill it first (mode 1: MADV_POPULATE_WRITE, mode 2: MAP_POPULATE) or to back it
// with 2 MB pages (mode 3: MADV_HUGEPAGE), or neither (mode 0). A benchmark, not a test.
//
//   gcc -O2 -o /tmp/page-faults benchmarks/page-faults.c && for m in 0 1 2 3; do /tmp/page-faults $m; done
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    size_t size = 40u << 20;
    int mode = argc > 1 ? atoi(argv[1]) : 0;
    double start = now_ms();
    char *memory = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | (mode == 2 ? MAP_POPULATE : 0), -1, 0);
    if (memory == MAP_FAILED) { perror("mmap"); return 1; }
    if (mode == 1) madvise(memory, size, MADV_POPULATE_WRITE);
    if (mode == 3) madvise(memory, size, MADV_HUGEPAGE);
    double mapped = now_ms();
    for (size_t i = 0; i < size; i += 4096) memory[i] = 1;
    double touched = now_ms();
    memset(memory, 0, size);
    double cleared = now_ms();
    printf("mode %d: map and populate %.1f ms, first touch %.1f ms (%.1f us a page), memset %.1f ms\n",
           mode, mapped - start, touched - mapped, (touched - mapped) * 1e3 / (size / 4096), cleared - touched);
    return 0;
}
