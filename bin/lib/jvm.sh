# shellcheck shell=bash
# The server's JVM flags, each chosen by measuring (docs/explanation/performance.md, "Memory"): the launcher
# starts the server with them and bench/abuse/run.sh measures the server with them. Sourced, not run.

# Sets JVM_FLAGS for a java of major version $1.
server_jvm_flags() {
  local major=$1
  # The serial collector has no background threads; turning off threshold-driven monitor deflation stops a
  # JVM thread that otherwise wakes every 250 ms (measured as most of the idle CPU, bench/idle-tmux.sh);
  # idle monitors are still deflated by the JVM's guaranteed pass once a minute.
  # The heap is bounded: the JVM's default maximum is a quarter of the machine's memory, and a heap that may
  # grow touches pages it never gives back. The server keeps about 10 MB live with 20 sessions; 64 MB leaves
  # room for 200 sessions and bursts, and a young generation of 2 MB keeps the pages the allocation cycles
  # through few: 186-194 to 128 MiB of RSS with 20 sessions and 10 sidebars with 8 MB, about 5 MiB less again
  # with 2 MB (a young collection every 50 pushes or so, each well under a millisecond; the CPU per push the
  # same; docs/explanation/performance.md, "Memory"). In a burst of agent events a 2 MB young generation is collected
  # every 10-20 ms, 4-5 us of the VM thread's CPU per event since the sidebars' cells and the agent rows' strings are no
  # longer promoted; 3 and 4 MB cut that to about 3.5 and 3 us but cost about 0.5 MiB of RSS per MB (4 MB: 95.3-95.5 MiB,
  # the budget), 6 and 8 MB more; larger or fuller survivor spaces (-XX:SurvivorRatio=6, -XX:TargetSurvivorRatio=90)
  # promoted as much and copied more (docs/adr/0039-young-generation-kept-small-sidebar-bursts-at-ten-frames.md,
  # docs/adr/0040-burst-promotion-cut-at-its-source-young-generation-kept.md).
  # Direct memory (Netty's socket buffers) may otherwise grow as large as the heap, beside it. Under the flood
  # of bench/abuse/run.sh (1000 slow bodies, 200 WebSocket clients that never read) the server needs far less:
  # with 32 MB the API answered as fast and the RSS was the same (docs/explanation/performance.md, "Abuse").
  # C1 only: the optimizing compiler (C2) took 0.8-1.2 s of CPU during every start, on the same two cores as the
  # start itself, and its code and arenas about 20 MiB of RSS; with C1 alone a warm start cost about 30 % less
  # CPU and the server held about 20 MiB less (measured side by side, docs/explanation/performance.md, "Memory" and
  # "Start"). OPENSESSIONS_JAVA_OPTS=-XX:TieredStopAtLevel=4 gives C2 back. Measured again with the event path and
  # the thresholds of December 2026 (C2's scaled by fifteen too, so it compiles little during the start): C2 spends
  # about half the server's CPU per agent event (39-47 against 71-72 us) and takes a third to a half more events
  # (25 000-30 000 against 18 000-19 000 per second with 16 connections, 33 500-37 500 against 23 000-25 000 with
  # 64), the start stays within its budget (20-100 ms more), but the server holds 4.3-4.8 MiB more after settling
  # (98-99 MiB, over the 95.37 MiB budget) and 11-14 MiB more after a burst: C1 stays while the memory budget binds
  # (docs/explanation/performance.md, "C2 for the hot path: measured, not taken").
  # C1 compiles a method after fifteen times the usual number of calls and loop turns (-XX:CompileThresholdScaling=15):
  # code that runs only during the start, or now and then, stays interpreted instead of filling the code cache and
  # the compiler's malloc arenas; what runs per event or per frame is still compiled within seconds. Ten times: about
  # 3 MiB less RSS with 20 sessions and 10 sidebars (8 MiB alone), the CPU to ready and per agent event the same within
  # the noise. Fifteen times: about 0.5 MiB less again, the start as with ten; twenty times saved about 1 MiB but
  # the start in tmux went over 1 s (JVM start to /version p50 880-1 160 ms against 790-830 ms with ten and 860 ms
  # with fifteen; docs/explanation/performance.md, "Memory", and
  # docs/adr/0035-smaller-thread-stacks-and-start-only-aot-cache.md).
  # The heap starts at 8 MB and may shrink back after a full collection: with no -Xms the initial heap is the
  # whole 64 MB maximum on a machine of more than 4 GB, below which the serial collector never shrinks, so what a
  # burst promoted stayed resident. After a full collection the old generation keeps 5-10 % free
  # (-XX:MinHeapFreeRatio, -XX:MaxHeapFreeRatio; 10-20 % held about 1.5 MiB more after settling, and the old
  # generation grows again without a collection when it needs to) and gives the rest back at once (-XX:-ShrinkHeapInSteps; by
  # default a shrink takes four collections). The server asks for that one collection when a burst has ended
  # (BurstEndCollection); OPENSESSIONS_JAVA_OPTS=-XX:+DisableExplicitGC turns it off
  # (docs/explanation/performance.md, "After a burst of agent events"; docs/adr/0029-heap-given-back-after-bursts.md).
  # The JVM's string table starts at 16 384 buckets instead of 65 536 (512 KiB, all written at the start): the server
  # interns about 10 800 strings beyond those of its AOT cache (jcmd VM.stringtable), and the table grows by itself
  # when it holds more than two per bucket. 384 KiB less.
  JVM_FLAGS=(-XX:+UseSerialGC -Xmx64m -Xms8m -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=10 -XX:-ShrinkHeapInSteps
    -Xmn2m -Xss512k -XX:MaxDirectMemorySize=32m -XX:+ExitOnOutOfMemoryError -XX:StringTableSize=16384
    -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=15 -XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=0)
  # JDK 22+ warns when sqlite-jdbc loads its native library unless native access is granted.
  ((major >= 22)) && JVM_FLAGS+=(--enable-native-access=ALL-UNNAMED)
  # The JVM's service thread otherwise wakes every second for table cleanups it can do once a minute: it
  # was the largest share of idle CPU left (docs/explanation/performance.md). Checked on JDK 25.
  ((major >= 25)) && JVM_FLAGS+=(-XX:ServiceThreadCleanupInterval=60000)
  # Every Java method entry touches the stack a shadow zone below the stack pointer (room for the VM and native code
  # called from Java), so an idle Java thread holds that zone resident: 20 pages by default, 10 the least JDK 25
  # accepts. About 43 KiB less per Java thread (50 idle threads: 2.1 MiB), about 1.4 MiB for the server's. Given up:
  # native code called from a Java stack within 40 KiB (instead of 80) of its 512 KiB end may crash the JVM instead of
  # throwing StackOverflowError (docs/adr/0035-smaller-thread-stacks-and-start-only-aot-cache.md).
  # OPENSESSIONS_JAVA_OPTS=-XX:StackShadowPages=20 gives the default back.
  ((major >= 25)) && JVM_FLAGS+=(-XX:StackShadowPages=10)
  # The AOT cache holds no training data (JDK 25 records method profiles and compile lists beside the classes):
  # they serve only the optimizing compiler, which C1 only leaves out, and the cache is relocated, so all its pages
  # are written and resident at every start. Without them: about 2 MiB less RSS with 20 sessions and 10 sidebars
  # and one thread (the training replay) fewer, the start no slower (docs/explanation/performance.md,
  # "Memory"). Diagnostic flags of JDK 25 (unlocked above); the cache is recorded with the same flags. With C2 given
  # back, OPENSESSIONS_JAVA_OPTS="-XX:TieredStopAtLevel=4 -XX:+AOTRecordTraining -XX:+AOTReplayTraining" gives them back.
  ((major >= 25)) && JVM_FLAGS+=(-XX:-AOTRecordTraining -XX:-AOTReplayTraining)
  # glibc keeps what the JVM and SQLite freed in its arenas (about twice what is in use after the start); the
  # JVM hands it back once a minute: about 5 MiB less RSS, for one wake-up a minute. A product flag from JDK 22.
  ((major >= 22)) && JVM_FLAGS+=(-XX:TrimNativeHeapInterval=60000)
  return 0
}
