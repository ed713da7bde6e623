#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tunebench::testing {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to `name` inside the folder and returns the file's full path.
  std::string write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

// The bytes of an IDX file of unsigned bytes with the given dims and payload.
std::string idxBytes(const std::vector<std::uint32_t>& dims,
                     const std::vector<std::uint8_t>& payload);
// The same, gzip-compressed.
std::string gzipped(const std::string& bytes);

}  // namespace tunebench::testing
