// jemalloc's configuration, read at start-up from this symbol. Compiled into every executable
// (not into the engine library: an unreferenced object in a static library would be dropped).
//
// LibTorch frees and reallocates the same multi-megabyte activation buffers every step. With
// jemalloc's default decay those pages go back to the kernel and fault in again on the next
// step: the CNN's training step measured 47 ms with the defaults, 37 ms with glibc malloc and
// 19 ms with decay off (which keeps freed pages for reuse; memory stays at the peak in use).
extern "C" {
// NOLINTNEXTLINE: the name is jemalloc's contract.
const char* malloc_conf = "dirty_decay_ms:-1,muzzy_decay_ms:-1";
}
