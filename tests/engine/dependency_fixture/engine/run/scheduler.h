#pragma once
// Stand-in for the run layer's header (only its include path matters to the check).
