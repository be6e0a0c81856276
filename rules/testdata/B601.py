import paramiko

client = paramiko.SSHClient()
client.exec_command("ls " + directory)  # want: B601
stdin, out, err = client.exec_command(cmd)  # want: B601

client.open_sftp()
