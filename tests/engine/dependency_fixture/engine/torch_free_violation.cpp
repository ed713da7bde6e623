// A deliberate torch include in a file the torch-free check reads: the ctest
// engine_torch_free_check_catches_a_torch_include expects the check to fail on it.
#include <c10/core/Device.h>
