import { describe, expect, it } from 'vitest';
import { configDiskGib, configIps, configMemoryMib, PveBoolean, sizeToGib, splitTags, startupOrder } from './schemas.ts';

describe('Proxmox value normalisation', () => {
  it('splits tags on ; , and spaces, lower-cased, once each, sorted', () => {
    expect(splitTags('Infra;dns, Home  infra')).toEqual(['dns', 'home', 'infra']);
    expect(splitTags('')).toEqual([]);
    expect(splitTags(undefined)).toEqual([]);
  });
  it('reads template and onboot as 0/1, "0"/"1" or booleans', () => {
    expect([0, 1, '0', '1', true, false].map((v) => PveBoolean.parse(v))).toEqual([false, true, false, true, true, false]);
    expect(PveBoolean.safeParse(2).success).toBe(false);
  });
  it('reads config memory in MiB as a number, a string or a property string', () => {
    expect(configMemoryMib(2048)).toBe(2048);
    expect(configMemoryMib('4096')).toBe(4096);
    expect(configMemoryMib('current=8192')).toBe(8192);
    expect(configMemoryMib(undefined)).toBeUndefined();
    expect(configMemoryMib('lots')).toBeUndefined();
  });
  it('reads the startup order', () => {
    expect(startupOrder('order=3,up=30')).toBe(3);
    expect(startupOrder('up=30,order=2')).toBe(2);
    expect(startupOrder('4')).toBe(4);
    expect(startupOrder('up=30')).toBeUndefined();
  });
  it('converts Proxmox sizes (binary units) to GiB', () => {
    expect(sizeToGib('32G')).toBe(32);
    expect(sizeToGib('512M')).toBe(0.5);
    expect(sizeToGib('1T')).toBe(1024);
    expect(sizeToGib('big')).toBeUndefined();
  });
  it('takes the disk from the LXC rootfs, or the first QEMU boot disk that is not a CD-ROM', () => {
    expect(configDiskGib('lxc', { rootfs: 'local-lvm:vm-100-disk-0,size=8G' })).toBe(8);
    expect(configDiskGib('qemu', { boot: 'order=ide2;scsi0', ide2: 'none,media=cdrom', scsi0: 'ceph:vm-1-disk-0,size=64G' } as never)).toBe(
      64,
    );
    expect(configDiskGib('qemu', { virtio1: 'x:2,size=5G', virtio0: 'x:1,size=10G' } as never)).toBe(10);
  });
  it('takes IPs from LXC net[n] and QEMU ipconfig[n], skipping dhcp', () => {
    expect(configIps('lxc', { net1: 'name=eth1,ip=dhcp', net0: 'name=eth0,bridge=vmbr0,ip=192.0.2.5/24,gw=192.0.2.1' } as never)).toEqual([
      '192.0.2.5',
    ]);
    expect(configIps('qemu', { net0: 'virtio=AA:BB:CC:DD:EE:FF,bridge=vmbr0', ipconfig0: 'ip=192.0.2.9/24' } as never)).toEqual([
      '192.0.2.9',
    ]);
  });
});
