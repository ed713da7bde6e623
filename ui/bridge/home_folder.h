#pragma once

namespace tunebench::ui {

// Qt finds the user's folders (settings, results) from HOME. Started without it (a service,
// `env -i`), they would be /.config and /.local, which a user cannot write and every Run would
// fail on: the account's home from the password database stands in. Call before QApplication.
// False when neither is known (the window then says so when it needs a folder).
bool ensureHomeFolder();

}  // namespace tunebench::ui
