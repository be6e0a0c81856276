import paramiko
from paramiko import WarningPolicy

client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # want: B507
client.set_missing_host_key_policy(WarningPolicy)  # want: B507

client.set_missing_host_key_policy(paramiko.RejectPolicy())
client.load_system_host_keys()
