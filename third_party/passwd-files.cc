// The passwd lookups readline makes (getpwnam, getpwuid, the getpwent family), answered
// from /etc/passwd, for the statically linked ruchyd: glibc's versions load NSS modules at
// run time, which a static binary cannot do reliably (the linker warns about each one).
#include <pwd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

constexpr char kPasswdFile[] = "/etc/passwd";
constexpr int kFields = 7;  // name:password:uid:gid:gecos:dir:shell

// The one result the non-reentrant interface hands out, and the enumeration's stream.
passwd entry;
char line[4096];
std::FILE* enumeration = nullptr;

// Splits `text` (one line, newline removed) into `entry`; false if it is not a passwd line.
bool Parse(char* text) {
  char* fields[kFields];
  char* p = text;
  for (int i = 0; i < kFields; ++i) {
    fields[i] = p;
    char* colon = std::strchr(p, ':');
    if (i == kFields - 1) break;
    if (colon == nullptr) return false;
    *colon = '\0';
    p = colon + 1;
  }
  char* end = nullptr;
  unsigned long uid = std::strtoul(fields[2], &end, 10);
  if (end == fields[2] || *end != '\0') return false;
  unsigned long gid = std::strtoul(fields[3], &end, 10);
  if (end == fields[3] || *end != '\0') return false;
  entry.pw_name = fields[0];
  entry.pw_passwd = fields[1];
  entry.pw_uid = static_cast<uid_t>(uid);
  entry.pw_gid = static_cast<gid_t>(gid);
  entry.pw_gecos = fields[4];
  entry.pw_dir = fields[5];
  entry.pw_shell = fields[6];
  return true;
}

// The next well-formed entry of `file`, or nullptr at its end. Over-long lines are skipped.
passwd* Next(std::FILE* file) {
  while (std::fgets(line, sizeof(line), file) != nullptr) {
    size_t length = std::strlen(line);
    if (length > 0 && line[length - 1] == '\n') {
      line[length - 1] = '\0';
    } else if (!std::feof(file)) {
      int c;
      while ((c = std::fgetc(file)) != EOF && c != '\n') {
      }
      continue;
    }
    if (Parse(line)) return &entry;
  }
  return nullptr;
}

template <typename Match>
passwd* Find(Match match) {
  std::FILE* file = std::fopen(kPasswdFile, "re");
  if (file == nullptr) return nullptr;
  passwd* found = nullptr;
  while ((found = Next(file)) != nullptr && !match(*found)) {
  }
  std::fclose(file);
  return found;
}

}  // namespace

extern "C" {

passwd* getpwnam(const char* name) noexcept {
  return Find([name](const passwd& pw) { return std::strcmp(pw.pw_name, name) == 0; });
}

passwd* getpwuid(uid_t uid) noexcept {
  return Find([uid](const passwd& pw) { return pw.pw_uid == uid; });
}

void setpwent() noexcept {
  if (enumeration != nullptr) {
    std::rewind(enumeration);
  } else {
    enumeration = std::fopen(kPasswdFile, "re");
  }
}

passwd* getpwent() noexcept {
  if (enumeration == nullptr) setpwent();
  return enumeration != nullptr ? Next(enumeration) : nullptr;
}

void endpwent() noexcept {
  if (enumeration != nullptr) std::fclose(enumeration);
  enumeration = nullptr;
}

}  // extern "C"
