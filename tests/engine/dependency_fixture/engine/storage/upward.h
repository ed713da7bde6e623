#pragma once
// A deliberate upward include: storage/ may not see the run layer. The ctest
// engine_dependency_check_catches_an_upward_include runs the check on this folder and expects
// it to fail.
#include "run/scheduler.h"
