#pragma once
// Secrets out of everything shown: every message, log line, status text and window title that
// may hold a storage location passes through redactSecrets.
#include <string>

namespace tunebench {

// `text` with every password hidden as "***": the password of a URL's user information
// ("postgresql://ann:s3cr@t@host/db": up to the last '@' before the host), and the value of any
// query or key=value parameter whose name holds "password" or is "pass"/"passwd"
// ("?password=x", "sslpassword=x", "password=x host=y"). Everything else is kept as written.
std::string redactSecrets(const std::string& text);

// `text` cut to at most `limit` bytes (on a UTF-8 boundary) with "... (N bytes)" saying how long
// it was: for echoing a user's value in a message.
std::string shortened(const std::string& text, std::size_t limit = 200);

}  // namespace tunebench
