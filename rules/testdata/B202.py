import tarfile

t = tarfile.open(path)
t.extractall(dest)  # want: B202
t.extractall(dest, members=safe_members(t))  # want: B202
t.extractall(dest, members=names)  # want: B202
tarfile.TarFile(path).extractall()  # want: B202
t.extractall(dest, filter="fully_trusted")  # want: B202
t.extractall(dest, filter=None)  # want: B202
t.extractall(dest, filter=chosen)  # want: B202

t.extractall(dest, filter="data")
t.extractall(dest, filter="tar")
t.extract(member, dest)
