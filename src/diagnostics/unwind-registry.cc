// libunwind registration. Each code object gets a unw_dyn_info_t in the "remote table"
// format: a binary-search table of (start offset, FDE offset) pairs relative to a segment
// base, the same structure .eh_frame_hdr provides for ELF objects. libunwind's DWARF
// unwinder then reads our FDE like any compiled function's. (The other dynamic format,
// UNW_INFO_FORMAT_DYNAMIC with operation lists, is not interpreted on x86-64.)
#include "src/diagnostics/unwind-registry.h"

#define UNW_LOCAL_ONLY
#include <libunwind.h>

#include <cstring>

#include "src/base/logging.h"
#include "src/diagnostics/eh-frame-x64.h"

namespace ruchy::internal::diagnostics {

// The entry layout libunwind's table search expects (eh_frame_hdr's binary search table).
struct SearchTableEntry {
  int32_t start_ip_offset;
  int32_t fde_offset;
};
static_assert(sizeof(SearchTableEntry) % sizeof(unw_word_t) == 0);

struct UnwindRegistry::Registration {
  unw_dyn_info_t info;
  SearchTableEntry table[1];
  std::string name;
};

UnwindRegistry::UnwindRegistry(codegen::CodeSpace* space) : space_(space) {
  space_->AddObserver(this);
}

UnwindRegistry::~UnwindRegistry() {
  space_->RemoveObserver(this);
  while (!registrations_.empty()) Unregister(registrations_.begin()->first);
}

void UnwindRegistry::OnCodeInstalled(codegen::InstalledCode code, const std::string& name) {
  if (code.unwind_info().empty()) return;
  auto registration = std::make_unique<Registration>();
  registration->name = name;
  // Offsets are relative to the instruction start, so both fit 32 bits: the FDE lives in
  // the same code object, right after the instructions.
  codegen::Address segbase = code.instruction_start();
  size_t fde = code.unwind_info_start() - segbase + EhFrameFdeOffset(code.unwind_info());
  registration->table[0] = SearchTableEntry{0, static_cast<int32_t>(fde)};

  unw_dyn_info_t& info = registration->info;
  std::memset(&info, 0, sizeof(info));
  info.start_ip = code.instruction_start();
  info.end_ip = code.instruction_end();
  info.gp = 0;
  info.format = UNW_INFO_FORMAT_REMOTE_TABLE;
  info.u.rti.name_ptr = reinterpret_cast<unw_word_t>(registration->name.c_str());
  info.u.rti.segbase = segbase;
  info.u.rti.table_len = sizeof(registration->table) / sizeof(unw_word_t);
  info.u.rti.table_data = reinterpret_cast<unw_word_t>(registration->table);
  _U_dyn_register(&info);
  registrations_[code.address()] = std::move(registration);
}

void UnwindRegistry::OnCodeFreed(codegen::InstalledCode code) { Unregister(code.address()); }

void UnwindRegistry::Unregister(codegen::Address code_address) {
  auto it = registrations_.find(code_address);
  if (it == registrations_.end()) return;
  _U_dyn_cancel(&it->second->info);
  registrations_.erase(it);
}

}  // namespace ruchy::internal::diagnostics
