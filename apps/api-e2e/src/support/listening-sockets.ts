import { readdirSync, readFileSync, readlinkSync } from 'fs';

/**
 * What a process listens on (Linux): its TCP ports (IPv4 and IPv6) and Unix socket paths in the
 * listening state, found by matching the socket inodes of its open file descriptors with
 * /proc/net/{tcp,tcp6,unix}.
 */
export function listeningSockets(pid: number): { tcpPorts: number[]; unixPaths: string[] } {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      /* closed meanwhile */
    }
  }
  const tcpPorts = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A' || !inodes.has(cols[9]!)) continue; // 0A: LISTEN
      tcpPorts.add(parseInt(cols[1]!.split(':')[1]!, 16));
    }
  }
  const unixPaths: string[] = [];
  for (const line of readFileSync('/proc/net/unix', 'utf8').split('\n').slice(1)) {
    // Num RefCount Protocol Flags Type St Inode Path; flag 00010000: accepting connections
    const cols = line.trim().split(/\s+/);
    if (cols.length < 7 || !inodes.has(cols[6]!)) continue;
    if ((parseInt(cols[3]!, 16) & 0x10000) !== 0) unixPaths.push(cols[7] ?? '(unnamed)');
  }
  return { tcpPorts: [...tcpPorts].sort((a, b) => a - b), unixPaths };
}
