/* CPU time of the calling thread, for the CPU-measuring tools (tests/tools/measure/cpu-meter.ts builds and
   loads it when a C compiler and Node's headers are at hand). A Worker is billed for the CPU of the
   thread that runs its isolate; process.cpuUsage() also counts V8's background compiler and GC
   threads. CLOCK_THREAD_CPUTIME_ID is exact at each reading, unlike /proc's per-thread figures,
   which only advance at scheduler ticks. */
#include <node_api.h>
#include <time.h>

static napi_value thread_cpu_ms(napi_env env, napi_callback_info info) {
  (void)info;
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  napi_value out;
  napi_create_double(env, (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6, &out);
  return out;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "threadCpuMs", NAPI_AUTO_LENGTH, thread_cpu_ms, NULL, &fn);
  napi_set_named_property(env, exports, "threadCpuMs", fn);
  return exports;
}
