'use strict';
// The platform part of the addon's file name, as `napi build --platform` writes it
// (hamsa.linux-x64-gnu.node). Shared by the loader and the install script.

function platformTag() {
  const { platform, arch } = process;
  if (platform !== 'linux') return `${platform}-${arch}`;
  // glibc and musl builds are different files; report.header.glibcVersionRuntime exists only on glibc.
  const header = typeof process.report?.getReport === 'function' ? process.report.getReport().header : {};
  return `${platform}-${arch}-${header.glibcVersionRuntime ? 'gnu' : 'musl'}`;
}

module.exports = { platformTag };
